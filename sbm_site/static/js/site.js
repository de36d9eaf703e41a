/* The site's chrome: the disclosure menu of the header, the groups of the navigation and the
   facet panels of listings.
   Loaded in <head> without defer so that the "js" class is set before the first paint; the
   rest waits for the document. Without JavaScript the menu, its groups' links and the facets stay open. */
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    var SMALL_SCREEN = "(max-width: 63.99rem)";
    var FACETS_COLLAPSE = "(max-width: 55.99rem)";
    var WIDE_SCREEN = "(min-width: 64rem)";

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

    // On wide screens each group of the navigation is a disclosure button (the phone's menu
    // shows every group open, by CSS). One group opens at a time; Escape closes it and gives
    // the focus back to its button; so do a click or the focus moving out of the group.
    function setUpNavigation(nav) {
        var toggles = Array.prototype.slice.call(nav.querySelectorAll("[data-nav-toggle]"));

        function closeAll(except) {
            toggles.forEach(function (toggle) {
                if (toggle !== except) {
                    toggle.setAttribute("aria-expanded", "false");
                }
            });
        }

        toggles.forEach(function (toggle) {
            var group = toggle.parentElement;
            toggle.addEventListener("click", function () {
                var open = toggle.getAttribute("aria-expanded") === "true";
                closeAll(toggle);
                toggle.setAttribute("aria-expanded", open ? "false" : "true");
            });
            group.addEventListener("focusout", function (event) {
                if (event.relatedTarget && !group.contains(event.relatedTarget)) {
                    toggle.setAttribute("aria-expanded", "false");
                }
            });
        });
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" || !window.matchMedia(WIDE_SCREEN).matches) {
                return;
            }
            toggles.forEach(function (toggle) {
                if (toggle.getAttribute("aria-expanded") !== "true") {
                    return;
                }
                toggle.setAttribute("aria-expanded", "false");
                if (toggle.parentElement.contains(document.activeElement)) {
                    toggle.focus();
                }
            });
        });
        document.addEventListener("click", function (event) {
            if (!nav.contains(event.target)) {
                closeAll(null);
            }
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
        panel.setAttribute("data-facets-ready", "");
        if (collapse.addEventListener) {
            collapse.addEventListener("change", apply);
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-menu-toggle]").forEach(setUpMenu);
        document.querySelectorAll("[data-main-nav]").forEach(setUpNavigation);
        document.querySelectorAll("details[data-facets]").forEach(setUpFacets);
    });
})();
