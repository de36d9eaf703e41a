"""The trainers: people who give the training modules and may open the trainers' materials.

`setup_site` creates the group and the document collection whose files only that group (and
administrators) may open: Wagtail's collection view restriction makes the file's URL send
everybody else to the login page. A training material marked "for trainers" must lie in that
collection (TrainingMaterial.clean). Members of the group need no access to the administration:
the login form brings them back to the file or page they asked for.
"""

TRAINERS = "Formateur·rices"
TRAINER_COLLECTION = "Supports des formateur·rices"

GROUPS = [TRAINERS]

# {collection name: [groups that may open its files]}: child collections of the root one,
# restricted to those groups.
RESTRICTED_COLLECTIONS = {TRAINER_COLLECTION: [TRAINERS]}
