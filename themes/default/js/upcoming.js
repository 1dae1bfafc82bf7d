// Lists of upcoming meetings are right on the day the site was built: each
// list carries that date (data-build-date) and each meeting its own
// (data-date, YYYY-MM-DD). A reader who opens the page later may see a
// meeting that has passed since; this hides it, by the reader's clock. The
// page is right without it: nothing here adds words, it only hides items,
// and shows the list's "no more meetings" note when none is left.
(function () {
  'use strict';
  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }
  var now = new Date();
  var today = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  var lists = document.querySelectorAll('[data-upcoming]');
  for (var i = 0; i < lists.length; i++) {
    var list = lists[i];
    var built = list.getAttribute('data-build-date') || '';
    if (built && today <= built) continue; // nothing has passed since the build
    var items = list.querySelectorAll('[data-date]');
    var left = 0;
    for (var j = 0; j < items.length; j++) {
      if ((items[j].getAttribute('data-date') || '') < today) {
        items[j].hidden = true;
      } else {
        left++;
      }
    }
    if (items.length === 0 || left > 0) continue;
    var none = list.querySelector('[data-upcoming-none]');
    if (!none) continue;
    var ul = list.querySelector('ul');
    if (ul) ul.hidden = true;
    none.hidden = false;
  }
})();
