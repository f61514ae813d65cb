// The letter tool: enhancements only. Without this file the GET form still composes the
// letter on the server, and the browser's Print command prints it.
//
// With it, the supporter's name, town and paragraph never leave the browser: the letter,
// its text and its mailto: link are composed here, the same way as appeals/letters.py
// does (keep the two in step). Only the chosen country goes to the server, to fetch the
// recipients for it.
(function () {
  "use strict";

  var tool = document.querySelector(".js-letter-tool");
  if (!tool) { return; }
  var form = tool.querySelector(".js-letter-form");
  var country = form.querySelector(".js-letter-country");
  var inputs = form.querySelectorAll(".js-letter-input");

  // --- Composing, as appeals/letters.py does ---------------------------------------
  function oneLine(text) { return text.trim().split(/\s+/).join(" "); }
  function normaliseNewlines(text) { return text.replace(/\r\n?/g, "\n"); }
  function joinParts(parts, separator) { return parts.filter(function (part) { return part; }).join(separator); }

  // Percent-encoding as Python's urllib.parse.quote(text, safe=""): UTF-8, and !'()* too.
  function quote(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, function (character) {
      return "%" + character.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function details() {
    var values = {};
    inputs.forEach(function (input) { values[input.getAttribute("data-field")] = input.value; });
    return {
      name: oneLine(values.name || ""),
      town: oneLine(values.town || ""),
      personal: normaliseNewlines(values.personal || "").trim()
    };
  }

  function paragraphs(text) {
    var fragment = document.createDocumentFragment();
    text.split(/\n{2,}/).forEach(function (block) {
      var paragraph = document.createElement("p");
      block.split("\n").forEach(function (line, index) {
        if (index) { paragraph.appendChild(document.createElement("br")); }
        paragraph.appendChild(document.createTextNode(line));
      });
      fragment.appendChild(paragraph);
    });
    return fragment;
  }

  function showField(element, value) {
    var placeholder = element.getAttribute("data-placeholder");
    element.textContent = value || placeholder || "";
    element.classList.toggle("is-placeholder", !value && Boolean(placeholder));
  }

  function update() {
    var output = tool.querySelector(".js-letter-output");
    var values = details();
    output.querySelectorAll('[data-letter-field="name"]').forEach(function (element) { showField(element, values.name); });
    output.querySelectorAll('[data-letter-field="town"]').forEach(function (element) { showField(element, values.town); });
    output.querySelectorAll('[data-letter-field="personal"]').forEach(function (element) {
      element.replaceChildren(values.personal ? paragraphs(values.personal) : "");
      element.hidden = !values.personal;
    });

    var textarea = output.querySelector(".js-letter-text");
    var signature = joinParts([textarea.getAttribute("data-closing"), values.name, values.town], "\n");
    var text = joinParts([textarea.getAttribute("data-opening"), values.personal, signature], "\n\n");
    textarea.value = text;

    var link = output.querySelector(".js-mailto");
    if (!link) { return; }  // the recipients take letters by post only
    var base = link.getAttribute("data-mailto-base");
    var full = base + (base.indexOf("?") === -1 ? "?" : "&") + "body=" + quote(text.replace(/\n/g, "\r\n"));
    var fits = full.length <= Number(link.getAttribute("data-max-length"));
    link.href = fits ? full : base;
    output.querySelector(".js-mailto-ready").hidden = !fits;
    output.querySelector(".js-mailto-too-long").hidden = fits;
  }

  // --- Copy and print --------------------------------------------------------------
  function enableButtons() {
    var output = tool.querySelector(".js-letter-output");
    var copy = output.querySelector(".js-copy-letter");
    var textarea = output.querySelector(".js-letter-text");
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var done = function () {
        var original = copy.textContent;
        copy.textContent = copy.getAttribute("data-copied-label");
        setTimeout(function () { copy.textContent = original; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(textarea.value).then(done, function () { textarea.select(); });
      } else {
        textarea.select();
        if (document.execCommand("copy")) { done(); }
      }
    });
    var print = output.querySelector(".js-print-letter");
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }

  // --- Changing country: fetch the recipients for it, keep what was typed -------------
  var pending = null;
  function changeCountry() {
    var query = new URLSearchParams();
    if (country) { query.set("country", country.value); }
    var url = window.location.pathname + "?" + query.toString();
    if (pending) { pending.abort(); }
    pending = new AbortController();
    tool.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", signal: pending.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".js-letter-output");
        if (!fresh) { throw new Error("no letter in the page"); }
        tool.querySelector(".js-letter-output").replaceWith(fresh);
        enableButtons();
        update();
        // Tell screen-reader users what changed, once, rather than the whole letter.
        var recipients = fresh.querySelector(".letter-recipients");
        tool.querySelector(".js-letter-status").textContent = recipients ? recipients.getAttribute("data-announce") : "";
        window.history.replaceState(null, "", url + "#send-letter");
        tool.removeAttribute("aria-busy");
      })
      .catch(function (error) {
        if (error.name === "AbortError") { return; }
        form.submit();  // the plain form still works
      });
  }

  // The browser's languages name the supporter's country where they carry a region
  // ("de-AT" → Austria). Only a guess, shown in the list for them to change.
  function countryFromLanguages() {
    var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < languages.length; i++) {
      var parts = languages[i].split("-");
      var region = parts.length > 1 ? parts[parts.length - 1].toUpperCase() : "";
      if (/^[A-Z]{2}$/.test(region) && country.querySelector('option[value="' + region + '"]')) {
        return region;
      }
    }
    return "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    changeCountry();
  });
  if (country) { country.addEventListener("change", changeCountry); }
  var typing = null;
  inputs.forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(typing);
      typing = setTimeout(update, 150);
    });
  });

  enableButtons();
  update();
  if (country && !country.value && !new URLSearchParams(window.location.search).has("country")) {
    var guess = countryFromLanguages();
    if (guess) {
      country.value = guess;
      changeCountry();
    }
  }
})();
