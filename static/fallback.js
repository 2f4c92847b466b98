// Shown only when the app cannot start or crashes: a plain message instead of a blank page,
// and a way to download the saved data that needs no WebAssembly. Loaded as its own file so
// the Content-Security-Policy needs no inline script.
(function () {
  "use strict";
  var started = false;
  addEventListener("TrunkApplicationStarted", function () {
    started = true;
  });

  function downloadSaved() {
    var text = "";
    try {
      var key = "follow-up.data";
      text = localStorage.getItem(key) || "";
      // A large network is a manifest ("FUB1:") plus blocks under key.*: download them all,
      // in the form the app's restore reads back (see src/storage/blocks.rs raw_bundle).
      if (text.indexOf("FUB1:") === 0) {
        var values = {};
        for (var i = 0; i < localStorage.length; i++) {
          var k = localStorage.key(i);
          if (k === key || k.indexOf(key + ".") === 0) values[k] = localStorage.getItem(k);
        }
        text = JSON.stringify({ follow_up_raw: { key: key, values: values } });
      }
    } catch (e) {
      text = "";
    }
    var blob = new Blob([text], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "follow-up-saved-data.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", action);
    return b;
  }

  function fail(detail) {
    if (document.getElementById("fatal")) return;
    var box = document.createElement("div");
    box.id = "fatal";
    box.className = "fatal";
    box.setAttribute("role", "alert");
    var h = document.createElement("h1");
    h.textContent = started ? "Follow-up stopped working" : "Follow-up could not start";
    var p = document.createElement("p");
    p.textContent = "Your saved data is safe in this browser. Reload to try again, or download it to keep a copy.";
    var why = document.createElement("p");
    why.className = "hint";
    why.textContent = detail ? "Details: " + detail : "";
    box.appendChild(h);
    box.appendChild(p);
    box.appendChild(button("Download your saved data", downloadSaved));
    box.appendChild(button("Reload", function () { location.reload(); }));
    box.appendChild(why);
    var boot = document.getElementById("boot");
    if (boot) boot.replaceWith(box);
    else document.body.insertBefore(box, document.body.firstChild);
  }

  addEventListener("error", function (e) {
    var message = String((e && e.message) || "");
    // Before start-up any error is fatal; afterwards only a crash of the WebAssembly is.
    if (!started || /unreachable|RuntimeError|wasm/i.test(message)) fail(message);
  });
  addEventListener("unhandledrejection", function (e) {
    if (!started) fail(String((e && e.reason && (e.reason.message || e.reason)) || ""));
  });
  setTimeout(function () {
    if (!started && document.getElementById("boot")) fail("The app took too long to load.");
  }, 20000);
})();
