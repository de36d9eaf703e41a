/* The site's chrome: the disclosure menu of the header and the facet panels of listings.
   Loaded in <head> without defer so that the "js" class is set before the first paint; the
   rest waits for the document. Without JavaScript the menu and the facets stay open. */
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    var SMALL_SCREEN = "(max-width: 63.99rem)";
    var FACETS_COLLAPSE = "(max-width: 55.99rem)";

    function setUpMenu(button) {
        var menu = document.getElementById(button.getAttribute("aria-controls"));
        if (!menu) {
            return;
        }
        button.hidden = false;

        function close(returnFocus) {
            button.setAttribute("aria-expanded", "false");
            if (returnFocus) {
                button.focus();
            }
        }

        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") === "true";
            button.setAttribute("aria-expanded", open ? "false" : "true");
        });
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") {
                return;
            }
            if (!window.matchMedia(SMALL_SCREEN).matches) {
                return;
            }
            close(menu.contains(document.activeElement) || document.activeElement === button);
        });
    }

    function setUpFacets(panel) {
        // Open beside the results on wide screens; on a phone folded under "Filter" so that
        // the result count and the results come first.
        var collapse = window.matchMedia(FACETS_COLLAPSE);
        function apply() {
            panel.open = !collapse.matches;
        }
        apply();
        if (collapse.addEventListener) {
            collapse.addEventListener("change", apply);
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-menu-toggle]").forEach(setUpMenu);
        document.querySelectorAll("details[data-facets]").forEach(setUpFacets);
    });
})();
