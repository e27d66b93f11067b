"""A message across the top of the window: errors from the library (with their code) and notices, in words,
with an icon and a title so it never relies on colour; it stays until dismissed or replaced."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from review.errors import ReviewError


class MessageBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(self.tr("Dismiss the message"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.hide()

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, ReviewError):
            text = self.tr("Could not do that ({code}): {message}").format(code=error.code, message=error.message)
        else:  # a defect of ours: say so plainly, with what Python said
            text = self.tr("Something went wrong in the app: {error}").format(error=f"{type(error).__name__}: {error}")
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxWarning, self.tr("Error"))

    def show_notice(self, text: str) -> None:
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxInformation, self.tr("Notice"))

    def _show(self, text: str, icon: QStyle.StandardPixmap, kind: str) -> None:
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(24, 24))
        self.text.setText(text)
        self.setAccessibleName(kind)
        self.setAccessibleDescription(text)
        self.show()
