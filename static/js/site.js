// Small enhancements only: every page works without this file.
(function () {
  "use strict";

  // The phone menu's button (in place of Bootstrap's 80 KB bundle, for this one toggle).
  // Without JavaScript, nojs.css shows the menu open and hides the button.
  document.querySelectorAll(".js-nav-toggle").forEach(function (button) {
    var menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) { return; }
    button.addEventListener("click", function () {
      var open = menu.classList.toggle("show");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });

  // "Copy link" buttons.
  document.querySelectorAll(".js-copy-link").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      if (!navigator.clipboard) { window.prompt("", text); return; }
      navigator.clipboard.writeText(text).then(function () {
        var original = button.textContent;
        button.textContent = button.getAttribute("data-copied-label");
        setTimeout(function () { button.textContent = original; }, 2000);
      });
    });
  });

  // The Web Share API where the browser has it (mostly phones).
  if (navigator.share) {
    document.querySelectorAll(".share-links").forEach(function (list) {
      var item = list.querySelector(".share-native");
      if (!item) { return; }
      item.hidden = false;
      item.querySelector("button").addEventListener("click", function () {
        navigator.share({ title: list.getAttribute("data-share-title"), url: list.getAttribute("data-share-url") })
          .catch(function () { /* the visitor closed the share sheet */ });
      });
    });
  }
})();
