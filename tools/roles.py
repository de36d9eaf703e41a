"""Who may read the download statistics of the tool library (admin report)."""

from home.roles import EDITORS, REVIEWERS

MODEL_PERMISSIONS = {
    EDITORS: ["tools.view_downloadcount"],
    REVIEWERS: ["tools.view_downloadcount"],
}
