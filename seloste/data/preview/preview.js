// The preview's only script (seloste serve): it asks the server every quarter second whether
// the project has changed, and reloads the page when it has, keeping the reader's place.
(function () {
  "use strict";
  var key = "seloste-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.scrollTo(0, parseInt(saved, 10) || 0);
  }
  var generation = document.documentElement.getAttribute("data-seloste-generation");
  function ask() {
    fetch("/__seloste/state", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (String(state.generation) !== generation) {
          sessionStorage.setItem(key, String(window.scrollY));
          location.reload();
        } else {
          setTimeout(ask, 250);
        }
      })
      .catch(function () { setTimeout(ask, 1000); });  // the server restarts: ask again later
  }
  setTimeout(ask, 250);
})();
