/* Search-as-you-type suggestions on every site search field: the ARIA 1.2 combobox pattern.

   Progressive enhancement of any <input type=search name=q> inside a <form role=search>
   (the header's search form on every page, the search page's own form): the script adds the
   listbox and the live region it needs, asks `<form action>suggestions/?q=` (JSON: titles,
   addresses and the sentence to announce, in the visitor's language) and lets the visitor
   choose with the arrow keys, Enter and Escape. Without it, each field is a plain search
   field and its form works as is. */
(function () {
    "use strict";

    var DELAY_MS = 250;
    var MIN_LENGTH = 2;
    var counter = 0;

    function suggestionsUrl(form, container) {
        var declared = container && container.getAttribute("data-suggestions-url");
        if (declared) {
            return declared;
        }
        var action = form.getAttribute("action") || window.location.pathname;
        return action.replace(/\/?$/, "/") + "suggestions/";
    }

    function setUp(input) {
        var form = input.form;
        if (!form || input.getAttribute("role") === "combobox" || !window.fetch) {
            return;
        }
        var container = input.closest(".search-combobox") || form;
        container.classList.add("search-combobox");
        var base = input.id || "search-field-" + ++counter;
        var listbox = container.querySelector("[id$=-suggestions]");
        if (!listbox) {
            listbox = document.createElement("ul");
            listbox.id = base + "-suggestions";
            listbox.className = "search-combobox__listbox";
            listbox.hidden = true;
            if (input.labels && input.labels.length) {
                input.labels[0].id = input.labels[0].id || base + "-label";
                listbox.setAttribute("aria-labelledby", input.labels[0].id);
            }
            container.appendChild(listbox);
        }
        var status = container.querySelector("[role=status]");
        if (!status) {
            status = document.createElement("p");
            status.id = base + "-suggestions-status";
            status.className = "visually-hidden";
            status.setAttribute("role", "status");
            status.setAttribute("aria-live", "polite");
            container.appendChild(status);
        }
        var url = suggestionsUrl(form, input.closest(".search-combobox"));
        var timer = null;
        var controller = null;
        var lastWords = "";
        var activeIndex = -1;

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);
        input.setAttribute("autocomplete", "off");
        listbox.setAttribute("role", "listbox");

        function options() {
            return listbox.querySelectorAll("[role=option]");
        }

        function setActive(index) {
            var all = options();
            activeIndex = index;
            for (var i = 0; i < all.length; i++) {
                all[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            if (index >= 0 && all[index]) {
                input.setAttribute("aria-activedescendant", all[index].id);
                all[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function close() {
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function open() {
            if (options().length) {
                listbox.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function go(option) {
            window.location.href = option.getAttribute("data-url");
        }

        function show(data) {
            var results = data.results || [];
            listbox.textContent = "";
            results.forEach(function (result, index) {
                var option = document.createElement("li");
                option.id = listbox.id + "-option-" + index;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-url", result.url);
                option.textContent = result.title;
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault(); // keep the focus in the field
                });
                option.addEventListener("click", function () {
                    go(option);
                });
                listbox.appendChild(option);
            });
            activeIndex = -1;
            status.textContent = data.status || "";
            if (results.length) {
                open();
            } else {
                close();
            }
        }

        function fetchSuggestions() {
            var words = input.value.trim();
            if (words === lastWords) {
                return;
            }
            lastWords = words;
            if (words.length < MIN_LENGTH) {
                listbox.textContent = "";
                status.textContent = "";
                close();
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            fetch(url + "?q=" + encodeURIComponent(words), {
                headers: { Accept: "application/json" },
                signal: controller ? controller.signal : undefined,
            })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === words) {
                        show(data);
                    }
                })
                .catch(function () {
                    /* An aborted or failed request leaves the plain search field. */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var all = options();
            var isOpen = !listbox.hidden;
            if (event.key === "ArrowDown") {
                if (!all.length) {
                    return;
                }
                event.preventDefault();
                open();
                setActive(isOpen ? (activeIndex + 1) % all.length : 0);
            } else if (event.key === "ArrowUp") {
                if (!all.length) {
                    return;
                }
                event.preventDefault();
                open();
                setActive(activeIndex <= 0 ? all.length - 1 : activeIndex - 1);
            } else if (event.key === "Escape") {
                if (isOpen) {
                    event.preventDefault();
                    close();
                }
            } else if (event.key === "Enter") {
                if (isOpen && activeIndex >= 0 && all[activeIndex]) {
                    event.preventDefault();
                    go(all[activeIndex]);
                }
            }
        });

        input.addEventListener("blur", function () {
            close();
        });
    }

    document.querySelectorAll("form[role=search] input[type=search][name=q]").forEach(setUp);
})();
