/* The editor's own submission waits for a background autosave that is under way.

   Wagtail's autosave posts the edit form in the background. On a new page it posts to the
   "add" address: the server creates the page, then the script points the form at the new
   page's edit address and fills in the ids of the new child rows (instruments, ...). A volunteer
   who clicks "Save draft", "Submit" or "Publish" while that background save is under way would
   post the form to the "add" address a second time: the page the autosave has just created
   makes the slug and the sheet number clash, the page "could not be created due to validation
   errors" and a stray draft is left behind.

   So: once the volunteer submits, autosave stops (no background save may follow the
   submission), and if a background save is under way, the submission is held until it ends,
   then sent to wherever the form points by then, with the button the volunteer pressed.
   The script is loaded before the form is in the document: it only listens to events.
   Without it the editor works as Wagtail ships it. */
(function () {
    "use strict";

    var saving = new WeakSet();
    var heldSubmissions = new WeakMap();

    function editForm(event) {
        var target = event.target;
        return target instanceof HTMLFormElement && target.matches("[data-edit-form]")
            ? target
            : null;
    }

    document.addEventListener("w-autosave:save", function (event) {
        var form = editForm(event);
        if (form && !event.defaultPrevented) {
            saving.add(form);
        }
    });

    function saved(event) {
        var form = editForm(event);
        if (!form) {
            return;
        }
        saving.delete(form);
        var send = heldSubmissions.get(form);
        if (send) {
            heldSubmissions.delete(form);
            send();
        }
    }

    document.addEventListener("w-autosave:success", saved);
    document.addEventListener("w-autosave:error", saved);

    /* On the window, so that it runs after the form's own submit handlers and sees whether one
       of them cancelled the submission. */
    window.addEventListener("submit", function (event) {
        var form = editForm(event);
        if (!form || event.defaultPrevented) {
            return;
        }
        form.setAttribute("data-w-autosave-active-value", "false");
        var submitter = event.submitter;
        if (!saving.has(form) || (submitter && submitter.hasAttribute("formaction"))) {
            return;
        }
        event.preventDefault();
        heldSubmissions.set(form, function () {
            /* Wagtail disables the pressed button meanwhile, and a disabled button is left out of
               the form's data: carry its name and value in a hidden field. */
            if (submitter && submitter.name) {
                var field = document.createElement("input");
                field.type = "hidden";
                field.name = submitter.name;
                field.value = submitter.value;
                form.appendChild(field);
            }
            HTMLFormElement.prototype.submit.call(form);
        });
    });
})();
