// Behaviour every page shares. No inline scripts: the CSP allows only files from /static.
(function () {
  "use strict";

  // Forms that change the knowledge base ask first (data-confirm holds the question).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // An evidence link #ev-START whose exact offset has no mark (the fact's span starts inside
  // another one) lands on the nearest mark before it.
  function landOnEvidence() {
    var m = /^#ev-(\d+)$/.exec(window.location.hash);
    if (!m || document.getElementById("ev-" + m[1])) {
      return;
    }
    var want = parseInt(m[1], 10), best = null, bestAt = -1;
    document.querySelectorAll("mark[id^='ev-']").forEach(function (el) {
      var at = parseInt(el.id.slice(3), 10);
      if (at <= want && at > bestAt) { best = el; bestAt = at; }
    });
    if (best) {
      best.classList.add("targeted");
      var sent = best.closest(".sent");
      if (sent) { sent.classList.add("targeted"); }
      best.scrollIntoView({block: "center"});
    }
  }
  window.addEventListener("hashchange", landOnEvidence);
  document.addEventListener("DOMContentLoaded", landOnEvidence);
})();
