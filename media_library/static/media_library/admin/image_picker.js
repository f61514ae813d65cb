// The image library's picker window: "Insert" (or a finished upload) sends the image to the
// body editor that opened it (media_library/admin/body_images.js), then the window closes.
(function () {
  "use strict";

  function send(element) {
    if (!window.opener) { return; }
    window.opener.postMessage({
      type: "campaign:insert-image",
      src: element.getAttribute("data-src"),
      alt: element.getAttribute("data-alt"),
      caption: element.getAttribute("data-caption") || ""
    }, window.location.origin);
    window.close();
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest(".js-insert-image");
    if (button) { event.preventDefault(); send(button); }
  });

  var uploaded = document.querySelector("[data-uploaded]");
  if (uploaded) { send(uploaded); }
})();
