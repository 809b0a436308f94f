/* The check-in desk (events/checkin.html); the page works without it (forms post and the
   answer comes back as a page). With it:
   - the forms (badge code, "Check in" beside a name) post in the background and the answer
     (who it is, their next meeting, or why the code is refused) shows at the top;
   - "Scan with the camera" reads QR codes with the browser's BarcodeDetector, where the
     browser has one (Chrome on Android does); elsewhere the button stays hidden;
   - when the network is down, a scan is kept in localStorage with the time it was made and
     sent, oldest first, once the network is back (on "online", on load, every 20 s). A
     refusal of a queued scan is shown like any other answer; a queued scan is never lost to
     a network error. All words come from the page's data-text-* attributes, in the
     reader's language. */
(function () {
  "use strict";
  var root = document.getElementById("check-in");
  if (!root) return;
  var endpoint = root.dataset.endpoint;
  var key = root.dataset.queueKey;
  var answerBox = document.getElementById("check-in-answer");
  var queueBox = document.getElementById("check-in-queue");
  var laterList = document.getElementById("check-in-later");
  var csrf = (root.querySelector("[name=csrfmiddlewaretoken]") || {}).value || "";
  var text = function (name) { return root.dataset["text" + name] || ""; };

  function readQueue() {
    try { return JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return []; }
  }
  function writeQueue(queue) {
    try { localStorage.setItem(key, JSON.stringify(queue)); } catch (e) { /* full or private */ }
    queueBox.hidden = queue.length === 0;
    queueBox.querySelector(".count").textContent = String(queue.length);
  }

  function line(parent, tag, content, className) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content;
    parent.appendChild(element);
    return element;
  }

  // An aside in the page's typography: "（Tanaka Hiroshi）" in Japanese, " (…)" otherwise.
  function aside(value) {
    return document.documentElement.lang.slice(0, 2) === "ja" ? "（" + value + "）" : " (" + value + ")";
  }

  function render(box, answer) {
    box.textContent = "";
    box.className = box === answerBox ? "answer " + (answer.ok ? "ok" : "refused") : "";
    var message = line(box, "p", "", "message");
    line(message, "strong", answer.message);
    if (!answer.ok) return;
    var who = line(box, "p", answer.name + (answer.romanised ? aside(answer.romanised) : ""), "who");
    who.appendChild(document.createElement("br"));
    who.appendChild(document.createTextNode(answer.organisation));
    var meeting = answer.meeting || {};
    if (!meeting.time) { line(box, "p", text("NoMeeting"), "meeting muted"); return; }
    var list = line(box, "dl", "", "meeting");
    function item(label, value) {
      line(list, "dt", label);
      line(list, "dd", value);
    }
    item(text("Meeting"), (meeting.when || meeting.time + " · " + meeting.day) + (meeting.table ? " · " + meeting.table : ""));
    if (meeting.with) item(text("With"), meeting.with);
    if (meeting.interpreter) item(text("Interpreter"), meeting.interpreter);
  }

  /* Post one scan. Resolves with the answer; rejects only when the network failed (or the
     session ended), so that the caller keeps the scan. */
  function send(scan) {
    var body = new URLSearchParams();
    Object.keys(scan).forEach(function (name) { if (scan[name]) body.append(name, scan[name]); });
    return fetch(endpoint, {
      method: "POST", credentials: "same-origin", body: body,
      headers: {"Accept": "application/json", "X-CSRFToken": csrf}
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") < 0) {
        answerBox.className = "answer refused";
        answerBox.textContent = text("SignedOut");
        throw new Error("not signed in");
      }
      return response.json();
    });
  }

  function queueScan(scan) {
    var queue = readQueue();
    queue.push(scan);
    writeQueue(queue);
    answerBox.className = "answer queued";
    answerBox.textContent = text("Queued");
  }

  function submit(scan) {
    scan.scanned_at = new Date().toISOString();
    if (readQueue().length) { queueScan(scan); flush(); return; }  // keep the order
    send(scan).then(function (answer) { render(answerBox, answer); })
      .catch(function () { queueScan(scan); });
  }

  var flushing = false;
  function flush() {
    var queue = readQueue();
    if (flushing || !queue.length || navigator.onLine === false) return;
    flushing = true;
    send(queue[0]).then(function (answer) {
      writeQueue(readQueue().slice(1));
      laterList.hidden = false;
      if (!laterList.firstChild) line(laterList, "li", text("SentLater"), "heading");
      render(line(laterList, "li", ""), answer);
      flushing = false;
      flush();
    }).catch(function () { flushing = false; });
  }

  root.querySelectorAll("form[data-check-in]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var scan = {};
      new FormData(form).forEach(function (value, name) {
        if (name !== "csrfmiddlewaretoken") scan[name] = value;
      });
      submit(scan);
      var code = form.querySelector("[name=token]");
      if (code) { code.value = ""; code.focus(); }
    });
  });

  var where = root.querySelector("[data-submit-on-change]");
  if (where) where.addEventListener("change", function () { where.form.submit(); });

  /* The camera, where the browser can read QR codes itself. */
  var scanner = document.getElementById("scanner");
  if ("BarcodeDetector" in window && navigator.mediaDevices) {
    scanner.hidden = false;
    var video = document.getElementById("camera");
    var detector = new window.BarcodeDetector({formats: ["qr_code"]});
    var session = (root.querySelector("form[data-check-in] [name=session]") || {}).value || "";
    var last = "", lastAt = 0;
    document.getElementById("camera-button").addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}, audio: false})
        .then(function (stream) {
          video.srcObject = stream;
          video.hidden = false;
          return video.play();
        })
        .then(function () {
          setInterval(function () {
            if (video.readyState < 2) return;
            detector.detect(video).then(function (codes) {
              if (!codes.length) return;
              var token = codes[0].rawValue.trim();
              var now = Date.now();
              if (token === last && now - lastAt < 4000) return;  // the same badge held up
              last = token; lastAt = now;
              submit({token: token, session: session});
            }).catch(function () {});
          }, 300);
        })
        .catch(function () {
          answerBox.className = "answer refused";
          answerBox.textContent = text("CameraError");
        });
    });
  }

  writeQueue(readQueue());
  window.addEventListener("online", flush);
  setInterval(flush, 20000);
  flush();
})();
