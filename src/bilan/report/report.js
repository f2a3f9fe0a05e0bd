// Filter the event cards by free text and by type. Reads text only through textContent and
// writes only textContent and the hidden flag: no report text is ever parsed as HTML.
(function () {
  "use strict";
  var q = document.getElementById("q");
  var type = document.getElementById("type");
  var shown = document.getElementById("shown");
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  if (!q || !type || !shown) { return; }
  function update() {
    var needle = q.value.trim().toLowerCase();
    var wanted = type.value;
    var count = 0;
    cards.forEach(function (card) {
      var ok = (!wanted || card.getAttribute("data-type") === wanted) &&
        (!needle || card.textContent.toLowerCase().indexOf(needle) !== -1);
      card.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = count + " of " + cards.length + " events shown";
  }
  q.addEventListener("input", update);
  type.addEventListener("change", update);
  update();
})();
