// The body editor's "Insert an image from the library" button (registered by media_library).
//
// It opens the library's picker (media_library/admin/image_picker.html) in a small window; the
// editor chooses an image there or uploads a new one with its description, and the picker
// sends it back here: it is inserted as a figure (with its caption) where the cursor was.
// Only addresses on this site are inserted: the library never holds another site's image.
(function () {
  "use strict";

  var target = null;

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    var url = textarea.getAttribute("data-image-picker-url");
    if (!url) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button body-image-button";
    button.textContent = textarea.getAttribute("data-image-picker-label") || "Insert an image from the library";
    var editorBox = textarea.closest(".prose-editor") || textarea;
    editorBox.parentNode.insertBefore(button, editorBox.nextSibling);
    button.addEventListener("click", function () {
      target = event.detail.editor;
      window.open(url, "body-image-picker", "width=960,height=760");
    });
  });

  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (event.origin !== window.location.origin || data.type !== "campaign:insert-image" || !target) { return; }
    if (typeof data.src !== "string" || data.src.charAt(0) !== "/" || data.src.charAt(1) === "/") { return; }
    var figure = document.createElement("figure");
    var image = document.createElement("img");
    image.setAttribute("src", data.src);
    image.setAttribute("alt", data.alt || "");
    figure.appendChild(image);
    if (data.caption) {
      var caption = document.createElement("figcaption");
      caption.textContent = data.caption;
      figure.appendChild(caption);
    }
    target.chain().focus().insertContent(figure.outerHTML).run();
  });
})();
