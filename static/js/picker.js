// Faculty pickers (.people-picker, curriculum.widgets.PeoplePicker): a box above the checkboxes
// hides the names that do not match what is typed (English or Chinese name, member). Without
// JavaScript there is no box and every checkbox shows; hidden boxes still post when checked.
(function () {
  function filter(picker, text) {
    var words = text.trim().toLowerCase();
    picker.querySelectorAll(".person").forEach(function (person) {
      var names = (person.dataset.names || person.textContent).toLowerCase();
      person.hidden = words !== "" && names.indexOf(words) === -1;
    });
    picker.querySelectorAll(".people-group").forEach(function (group) {
      group.hidden = !group.querySelector(".person:not([hidden])");
    });
  }

  function enhance(root) {
    root.querySelectorAll(".people-picker:not([data-enhanced])").forEach(function (picker) {
      picker.dataset.enhanced = "1";
      var box = document.createElement("input");
      box.type = "search";
      box.className = "people-filter";
      box.placeholder = picker.dataset.filterLabel;
      box.setAttribute("aria-label", picker.dataset.filterLabel);
      if (picker.id) box.setAttribute("aria-controls", picker.id);
      // Not a form field: keep its typing from the forms' live checks (htmx triggers on the form).
      ["input", "change"].forEach(function (type) {
        box.addEventListener(type, function (event) {
          event.stopPropagation();
          filter(picker, box.value);
        });
      });
      box.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault(); // Enter filters, it does not submit
      });
      picker.parentNode.insertBefore(box, picker);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
