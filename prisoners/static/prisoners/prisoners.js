// A prisoner's profile: the "Print the address and these tips" button, hidden until this
// script shows it. It prints the "Write to" section alone (prisoners.css, @media print).
(function () {
  "use strict";

  document.querySelectorAll(".js-print-write-to").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      document.documentElement.classList.add("printing-write-to");
      window.print();
    });
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("printing-write-to");
  });
})();
