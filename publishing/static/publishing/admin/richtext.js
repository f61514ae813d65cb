// A small visual editor for the admin's body fields (RichTextWidget).
// Editors press buttons for headings, links, lists, quotes and images and never see
// HTML unless they ask to. The textarea stays the form field; the server sanitises
// whatever arrives (publishing/html.py), so this file only has to be convenient.
(function () {
  "use strict";

  var BUTTONS = [
    { label: "Heading", title: "Large heading", run: function () { block("h2"); } },
    { label: "Subheading", title: "Small heading", run: function () { block("h3"); } },
    { label: "Paragraph", title: "Normal text", run: function () { block("p"); } },
    { label: "B", title: "Bold", run: function () { document.execCommand("bold"); } },
    { label: "I", title: "Italic", run: function () { document.execCommand("italic"); } },
    { label: "Link", title: "Link the selected text", run: addLink },
    { label: "Unlink", title: "Remove the link", run: function () { document.execCommand("unlink"); } },
    { label: "• List", title: "Bulleted list", run: function () { document.execCommand("insertUnorderedList"); } },
    { label: "1. List", title: "Numbered list", run: function () { document.execCommand("insertOrderedList"); } },
    { label: "Quote", title: "Quotation", run: function () { block("blockquote"); } },
    { label: "Image", title: "Insert an image by its address", run: addImage },
    { label: "Clear formatting", title: "Remove bold, italic and links", run: function () { document.execCommand("removeFormat"); } }
  ];

  function block(tag) { document.execCommand("formatBlock", false, "<" + tag + ">"); }

  function addLink() {
    var url = window.prompt("Address of the page to link to (https://…):", "https://");
    if (url && /^(https?:|mailto:)/i.test(url.trim())) { document.execCommand("createLink", false, url.trim()); }
  }

  function addImage() {
    var url = window.prompt("Address of an image on this site (/media/…); images from other sites are not shown:", "");
    if (!url) { return; }
    var alt = window.prompt("Describe the image for people who cannot see it (required):", "");
    if (!alt) { window.alert("An image needs a description; nothing was inserted."); return; }
    var img = document.createElement("img");
    img.src = url.trim();
    img.alt = alt.trim();
    document.execCommand("insertHTML", false, img.outerHTML);
  }

  function enhance(textarea) {
    var wrapper = document.createElement("div");
    wrapper.className = "richtext";
    var toolbar = document.createElement("div");
    toolbar.className = "richtext-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Formatting");
    var editor = document.createElement("div");
    editor.className = "richtext-editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.setAttribute("aria-label", (textarea.labels && textarea.labels[0] ? textarea.labels[0].textContent : "Body"));
    editor.innerHTML = textarea.value || "<p><br></p>";

    function sync() { textarea.value = editor.innerHTML; }

    BUTTONS.forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = spec.label;
      button.title = spec.title;
      button.addEventListener("click", function () { editor.focus(); spec.run(); sync(); });
      toolbar.appendChild(button);
    });

    var source = document.createElement("button");
    source.type = "button";
    source.textContent = "Edit HTML";
    source.className = "richtext-source";
    source.addEventListener("click", function () {
      var showingSource = !textarea.hidden;
      if (showingSource) { editor.innerHTML = textarea.value; }
      else { sync(); }
      textarea.hidden = showingSource;
      editor.hidden = !showingSource;
      source.textContent = showingSource ? "Edit HTML" : "Back to visual editor";
    });
    toolbar.appendChild(source);

    editor.addEventListener("input", sync);
    editor.addEventListener("blur", sync);
    textarea.form && textarea.form.addEventListener("submit", function () { if (textarea.hidden) { sync(); } });

    textarea.parentNode.insertBefore(wrapper, textarea);
    wrapper.appendChild(toolbar);
    wrapper.appendChild(editor);
    wrapper.appendChild(textarea);
    textarea.hidden = true;
    document.execCommand("defaultParagraphSeparator", false, "p");
  }

  function init() { document.querySelectorAll("textarea.js-richtext").forEach(enhance); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
