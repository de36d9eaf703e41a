/* Search-as-you-type suggestions for the search page: the ARIA 1.2 combobox pattern.
   Without this script the field is a plain search field and the form works as is. */
(function () {
    "use strict";

    var DELAY_MS = 250;
    var MIN_LENGTH = 2;

    function setUp(container) {
        var input = container.querySelector("input[type=search]");
        var listbox = container.querySelector("[id$=-suggestions]");
        var status = container.querySelector("[role=status]");
        if (!input || !listbox || !status || !window.fetch) {
            return;
        }
        var url = container.getAttribute("data-suggestions-url");
        var timer = null;
        var controller = null;
        var lastWords = "";
        var activeIndex = -1;

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);
        listbox.setAttribute("role", "listbox");

        function options() {
            return listbox.querySelectorAll("[role=option]");
        }

        function announce(count) {
            var text;
            if (count === 0) {
                text = container.getAttribute("data-label-none");
            } else if (count === 1) {
                text = container.getAttribute("data-label-one");
            } else {
                text = container.getAttribute("data-label-many").replace("{count}", count);
            }
            status.textContent = text;
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

        function show(results) {
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
            announce(results.length);
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
                        show(data.results || []);
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

    document.querySelectorAll(".search-combobox[data-suggestions-url]").forEach(setUp);
})();
