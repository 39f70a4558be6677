"""Where the project is: the one place its folder is worked out, from mkdocs.yml or from
the content folder, and how its files are named to editors (from the project's folder)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from medinfo.content.names import CONTENT_FOLDER


@dataclass(frozen=True)
class Project:
    root: Path  # the project's folder: mkdocs.yml's, and content_src/'s parent
    content_dir: Path
    docs_dir: Path

    @classmethod
    def from_config_file(cls, config_file: Path | str, docs_dir: Path | str = "docs") -> Project:
        """The project of an mkdocs.yml; a relative ``docs_dir`` is taken from its folder."""
        root = Path(config_file).resolve().parent
        return cls(root, root / CONTENT_FOLDER, root / docs_dir)

    @classmethod
    def from_folders(cls, content_dir: Path, docs_dir: Path) -> Project:
        """The project whose facts are in ``content_dir`` (as ``medinfo check --content`` names it)."""
        return cls(root_of(content_dir), content_dir, docs_dir)

    def shown(self, path: Path) -> str:
        """A path as editors see it in messages: from the project's folder when it is inside it."""
        return display_path(path, self.root)

    @property
    def docs_folder(self) -> str:
        """The docs folder as editors name it (``docs``), for the pages' file names."""
        return self.shown(self.docs_dir)


def display_path(path: Path, root: Path) -> str:
    """A path as editors see it in messages: from ``root`` when it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def root_of(content_dir: Path) -> Path:
    """The project's folder, from its facts folder: the folder content_src/ is in."""
    return content_dir.resolve().parent
