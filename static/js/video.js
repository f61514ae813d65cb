// Click-to-load video players: see media_library/templates/media_library/includes/player.html
//
// Until a visitor presses play, a video is only a self-hosted poster and a link to the
// provider's page: no request goes to YouTube or Vimeo. Pressing play swaps the link for
// the provider's privacy-friendly player. Without this file the link still plays the video.
(function () {
  "use strict";

  // The only players the page may load (the Content-Security-Policy's frame-src says the same).
  var ALLOWED_PLAYER = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;

  function loadPlayer(player, link) {
    var iframe = document.createElement("iframe");
    iframe.src = player.getAttribute("data-embed-url");
    iframe.title = player.getAttribute("data-title") || "";
    iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    link.replaceWith(iframe);
    iframe.focus();  // keyboard users land in the player they asked for
  }

  document.addEventListener("click", function (event) {
    if (!(event.target instanceof Element)) { return; }
    var link = event.target.closest(".video-player-link");
    var player = link && link.closest(".video-player[data-embed-url]");
    if (!player || !ALLOWED_PLAYER.test(player.getAttribute("data-embed-url"))) { return; }
    // Ctrl/Cmd/Shift-click or a middle click keeps its usual meaning: open the provider's page.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    loadPlayer(player, link);
  });
})();
