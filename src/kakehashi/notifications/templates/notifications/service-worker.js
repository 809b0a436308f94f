/* Kakehashi's service worker: shows the meeting reminders pushed to this browser
   (notifications/push.py) and opens the page a reminder is about when it is clicked. */
self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || "Kakehashi", {
      body: data.body || "",
      data: { link: data.link || "/" },
    })
  );
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.link || "/"));
});
