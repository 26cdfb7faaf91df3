"""sourcecheck's review app (Textual): widgets and screens. It shows what ``checks`` finds; the rules,
the review session included (``checks.review.session``), live there."""

from .app import SourcecheckApp, make_app
from .article_view import ArticleView
from .checklist_pane import ChecklistPane
from .choice_dialog import ChoiceDialog
from .filter_dialog import FilterDialog, FlagFilter
from .flag_panel import FlagPanel
from .help_screen import HelpScreen
from .legend import Legend
from .mark_list import MarkList
from .note_dialog import NoteDialog
from .progress_pane import ProgressPane
from .queue_list import QueueList
from .review_screen import ReviewScreen
from .source_screen import SourceScreen

__all__ = [
    "ArticleView",
    "ChecklistPane",
    "ChoiceDialog",
    "FilterDialog",
    "FlagFilter",
    "FlagPanel",
    "HelpScreen",
    "Legend",
    "MarkList",
    "NoteDialog",
    "ProgressPane",
    "QueueList",
    "ReviewScreen",
    "SourceScreen",
    "SourcecheckApp",
    "make_app",
]
