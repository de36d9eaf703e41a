"""Who may read the download statistics of the tool library (admin report): editors,
reviewers and moderators, whose dashboards show the month's figure with a link to it."""

from home.roles import EDITORS, MODERATORS, REVIEWERS

MODEL_PERMISSIONS = {
    EDITORS: ["tools.view_downloadcount"],
    REVIEWERS: ["tools.view_downloadcount"],
    MODERATORS: ["tools.view_downloadcount"],
}
