/* Kakehashi: small enhancements; every page works without them.
   - the menu button shows and hides the menu on small screens (without script the menu is
     simply open);
   - one menu group open at a time, closed by a click elsewhere or Escape;
   - a form button with data-confirm asks before it submits; a data-print button prints;
   - a form marked data-kind-sections shows only the fieldsets (data-kinds="a b") of the
     chosen kind (a select or radio buttons named "kind", or as data-kind-field names);
   - a conversation (#messages with data-poll) fetches new messages while it is in view. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  /* Lower case without accents, so that "ha noi" finds "Hà Nội". */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d")
      .toLowerCase().trim();
  }

  function groups() {
    return Array.prototype.slice.call(document.querySelectorAll("details.menu-group"));
  }

  function closeGroups(except) {
    groups().forEach(function (group) {
      if (group !== except) group.removeAttribute("open");
    });
  }

  function showKindSections(form) {
    var name = form.dataset.kindField || "kind";
    function update() {
      var field = form.querySelector("select[name=" + name + "]") ||
        form.querySelector("[name=" + name + "]:checked");
      var chosen = field ? field.value : null;
      form.querySelectorAll("fieldset[data-kinds]").forEach(function (section) {
        section.hidden = !chosen || section.dataset.kinds.split(" ").indexOf(chosen) < 0;
      });
    }
    form.addEventListener("change", update);
    update();
  }

  function pollConversation(box) {
    var last = box.dataset.last;
    var seconds = parseInt(box.dataset.pollSeconds, 10) || 20;
    setInterval(function () {
      if (document.hidden) return;
      fetch(box.dataset.poll + "?after=" + encodeURIComponent(last),
            {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data || !data.count) return;
          box.insertAdjacentHTML("beforeend", data.html);
          last = data.last;
        })
        .catch(function () {});
    }, seconds * 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".menu-button");
    var menu = document.getElementById("site-menu");
    if (button && menu) {
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("open", open);
      });
    }
    groups().forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (group.open) closeGroups(group);
      });
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest("details.menu-group")) closeGroups(null);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") closeGroups(null);
    });
    document.querySelectorAll("input.checklist-filter").forEach(function (input) {
      var list = document.getElementById(input.getAttribute("data-checklist"));
      if (!list) return;
      input.hidden = false;
      input.addEventListener("input", function () {
        var wanted = fold(input.value);
        list.querySelectorAll("label").forEach(function (label) {
          var box = label.querySelector("input");
          label.hidden = wanted !== "" && !(box && box.checked) &&
            fold(label.textContent).indexOf(wanted) === -1;
        });
      });
    });
    document.querySelectorAll("[data-confirm]").forEach(function (element) {
      element.addEventListener("click", function (event) {
        if (!window.confirm(element.getAttribute("data-confirm"))) event.preventDefault();
      });
    });
    document.querySelectorAll("[data-print]").forEach(function (element) {
      element.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("form[data-kind-sections]").forEach(showKindSections);
    var conversation = document.querySelector("#messages[data-poll]");
    if (conversation && window.fetch) pollConversation(conversation);
  });

  /* A file input of common/field.html: the chosen files' names in its translated status. */
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("file-native")) return;
    var status = input.parentNode.querySelector(".file-chosen .file-none");
    if (!status) return;
    var names = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
    status.textContent = names.length ? names.join(", ") : status.parentNode.getAttribute("data-none");
  });
})();
