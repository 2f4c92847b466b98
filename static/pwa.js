// Installs the service worker of a release build and tells the app (which may start later)
// about updates and installability through `window.followUpPwa` and window events:
//   follow-up:update-ready  a new version is waiting; the app asks the user when to reload
//   follow-up:installable   the browser offered installation (beforeinstallprompt)
// The app answers with follow-up:apply-update and follow-up:install.
// Only release builds name a service worker (data-sw on <html>), so `trunk serve` never
// registers one and development always sees fresh files.
"use strict";
(function () {
  var state = (window.followUpPwa = { updateReady: false, installable: false });
  var deferredPrompt = null;

  addEventListener("beforeinstallprompt", function (e) {
    e.preventDefault();
    deferredPrompt = e;
    state.installable = true;
    dispatchEvent(new Event("follow-up:installable"));
  });
  addEventListener("appinstalled", function () {
    deferredPrompt = null;
    state.installable = false;
    dispatchEvent(new Event("follow-up:installable"));
  });
  addEventListener("follow-up:install", function () {
    if (!deferredPrompt) return;
    var prompt = deferredPrompt;
    deferredPrompt = null;
    prompt.prompt();
    prompt.userChoice.finally(function () {
      state.installable = false;
      dispatchEvent(new Event("follow-up:installable"));
    });
  });

  var script = document.documentElement.getAttribute("data-sw");
  if (!script || !("serviceWorker" in navigator)) return;
  var reloadWhenReady = false;
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // The first install also changes the controller; only an update the user asked for reloads.
    if (reloadWhenReady) location.reload();
  });
  navigator.serviceWorker
    .register(script, { scope: "./" })
    .then(function (reg) {
      function ready() {
        state.updateReady = true;
        dispatchEvent(new Event("follow-up:update-ready"));
      }
      if (reg.waiting && navigator.serviceWorker.controller) ready();
      reg.addEventListener("updatefound", function () {
        var incoming = reg.installing;
        if (!incoming) return;
        incoming.addEventListener("statechange", function () {
          if (incoming.state === "installed" && navigator.serviceWorker.controller) ready();
        });
      });
      addEventListener("follow-up:apply-update", function () {
        if (!reg.waiting) return;
        reloadWhenReady = true;
        reg.waiting.postMessage("skip-waiting");
      });
      // An app left open for days still learns about new versions.
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") reg.update().catch(function () {});
      });
    })
    .catch(function () {
      // Without a service worker the app still works online; nothing to tell the user.
    });
})();
