/* Media pages. Without JavaScript every episode is listed, the player works
   and the transcript is plain text; this script adds:
   - on an episode page, timestamps that seek the player (and #t=SECONDS in
     the address, so a moment can be shared), and the paragraph being heard;
   - for a video hosted elsewhere, the button that loads its player, and only
     then: nothing is requested from the other host before the click;
   - on the media index, the theme and kind filters. */
(function () {
  "use strict";

  function player() {
    return document.querySelector(".hub-player audio, .hub-player video");
  }

  function seekTo(media, seconds, play) {
    media.currentTime = seconds;
    if (play) {
      var started = media.play();
      if (started && started.catch) started.catch(function () {});
    }
  }

  function setupTranscript() {
    var media = player();
    var links = Array.prototype.slice.call(document.querySelectorAll("a.hub-time[data-seek]"));
    if (!media || !links.length || media.dataset.hubReady) return;
    media.dataset.hubReady = "true";
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var seconds = Number(link.dataset.seek);
        history.replaceState(null, "", location.pathname + location.search + "#t=" + seconds);
        seekTo(media, seconds, true);
        if (media.tagName === "VIDEO") media.scrollIntoView({block: "nearest"});
      });
    });
    var shared = /^#t=(\d+)$/.exec(location.hash);
    // Only positions the player: nothing downloads until the reader presses play.
    if (shared) seekTo(media, Number(shared[1]), false);
    var current = null;
    media.addEventListener("timeupdate", function () {
      var now = null;
      links.forEach(function (link) {
        if (Number(link.dataset.seek) <= media.currentTime + 0.25) now = link;
      });
      if (now === current) return;
      if (current) current.closest("p").classList.remove("hub-now");
      if (now) now.closest("p").classList.add("hub-now");
      current = now;
    });
  }

  function setupEmbeds() {
    Array.prototype.forEach.call(document.querySelectorAll(".hub-embed"), function (box) {
      var button = box.querySelector(".hub-embed__load");
      if (!button || box.dataset.hubReady) return;
      box.dataset.hubReady = "true";
      button.hidden = false;
      button.addEventListener("click", function () {
        var src = box.dataset.embedSrc;
        var frame = document.createElement("iframe");
        frame.src = src + (src.indexOf("?") < 0 ? "?" : "&") + "autoplay=1";
        frame.title = box.dataset.embedTitle;
        frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
        frame.allowFullscreen = true;
        frame.referrerPolicy = "strict-origin-when-cross-origin";
        frame.className = "hub-embed__frame";
        box.replaceChild(frame, button.parentNode);
        box.querySelector(".hub-embed__notice").remove();
        frame.focus();
      });
    });
  }

  function setup() {
    setupTranscript();
    setupEmbeds();
  }

  if (window.document$) {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
