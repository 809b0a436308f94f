/* Meeting reminders in this browser (Web Push, notifications/push.py): a button with
   data-push-key (the site's VAPID public key), data-subscribe and data-unsubscribe (addresses)
   and data-denied / data-unsupported (messages in the page's language) asks the browser for
   permission, subscribes through the service worker and tells the site. */
(function () {
  "use strict";

  function keyBytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4))
      .replace(/-/g, "+")
      .replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function send(url, subscription) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(subscription.toJSON()),
    }).then(function (response) {
      return response.json();
    });
  }

  function setUp(button) {
    var status = document.getElementById(button.getAttribute("aria-describedby"));
    function say(text) {
      if (status) status.textContent = text;
    }
    if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
      button.disabled = true;
      say(button.getAttribute("data-unsupported"));
      return;
    }
    button.addEventListener("click", function () {
      window.Notification.requestPermission().then(function (permission) {
        if (permission !== "granted") {
          say(button.getAttribute("data-denied"));
          return null;
        }
        return navigator.serviceWorker
          .register(button.getAttribute("data-worker"))
          .then(function () {
            return navigator.serviceWorker.ready;
          })
          .then(function (registration) {
            return registration.pushManager.subscribe({
              userVisibleOnly: true,
              applicationServerKey: keyBytes(button.getAttribute("data-push-key")),
            });
          })
          .then(function (subscription) {
            return send(button.getAttribute("data-subscribe"), subscription);
          })
          .then(function (answer) {
            say(answer.message);
          });
      }).catch(function () {
        say(button.getAttribute("data-unsupported"));
      });
    });
  }

  document.querySelectorAll("button[data-push-key]").forEach(setUp);
})();
