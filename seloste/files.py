"""Reading and writing files without being led astray: the bottom layer under load and output.

Two things live here, both about what the operating system might hand us instead of the
file we meant:

- :func:`read_regular` reads a file only if it is a regular file (never a FIFO, device or
  socket, which could hang the build or feed it without end) and no larger than a limit,
  both checked on the open descriptor before a byte is read.
- :class:`Tree` is a folder (``output/``) whose contents are reached only through file
  descriptors opened with ``O_NOFOLLOW``: a symbolic link anywhere below the folder is
  refused, so nothing is read, written or removed through it. Temporary files are created
  exclusively, with unpredictable names that share one prefix, and are flushed to disk.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat

TEMP_PREFIX = ".seloste-tmp-"

_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_READ = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


class NotRegularFile(OSError):
    """The path is a FIFO, device, socket or folder, not a file the tool may read."""


class TooLarge(OSError):
    """The file is larger than the reader allows; ``size`` is its size in bytes."""

    def __init__(self, size: int, limit: int):
        super().__init__(errno.EFBIG, f"{size} bytes, at most {limit}")
        self.size = size
        self.limit = limit


class SymbolicLink(OSError):
    """A path under a :class:`Tree` is a symbolic link; ``name`` is its path in the tree."""

    def __init__(self, name: str):
        super().__init__(errno.ELOOP, "symbolic link", name)
        self.name = name


class NotAFolder(OSError):
    """A path under a :class:`Tree` that should be a folder is something else."""

    def __init__(self, name: str):
        super().__init__(errno.ENOTDIR, os.strerror(errno.ENOTDIR), name)
        self.name = name


def read_regular(path, limit: int | None = None, *, dir_fd: int | None = None, follow: bool = True) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes.

    Opens without blocking (a FIFO is never waited on) and checks the kind and the size on
    the open descriptor, before reading. With ``follow=False`` a symbolic link is refused.
    Raises :class:`NotRegularFile`, :class:`TooLarge`, :class:`SymbolicLink` or another
    ``OSError``.
    """
    flags = _READ if not follow else _READ & ~os.O_NOFOLLOW
    try:
        # Look before opening: opening a FIFO or device can have effects of its own.
        mode = os.stat(path, dir_fd=dir_fd, follow_symlinks=follow).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow and _is_link(path, dir_fd):
            raise SymbolicLink(os.fsdecode(path)) from None
        raise
    if stat.S_ISLNK(mode):
        raise SymbolicLink(os.fsdecode(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFile(errno.EINVAL, _kind(mode), os.fsdecode(path))
    try:
        fd = os.open(path, flags, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow and _is_link(path, dir_fd):
            raise SymbolicLink(os.fsdecode(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, _kind(info.st_mode), os.fsdecode(path))
        if limit is not None and info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        os.set_blocking(fd, True)
        chunks = []
        remaining = limit + 1 if limit is not None else -1
        with os.fdopen(fd, "rb", closefd=False) as handle:
            while True:
                chunk = handle.read(1 << 20 if remaining < 0 else min(remaining, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                if remaining >= 0:
                    remaining -= len(chunk)
                    if remaining <= 0:
                        break  # the file grew while it was read: refuse it below
        data = b"".join(chunks)
        if limit is not None and len(data) > limit:
            raise TooLarge(len(data), limit)
        return data
    finally:
        os.close(fd)


def _is_link(path, dir_fd) -> bool:
    try:
        return stat.S_ISLNK(os.stat(path, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISDIR(mode):
        return "folder"
    return "special file"


def kind_of(error: OSError) -> str:
    """What a :class:`NotRegularFile` found instead of a file, in Finnish."""
    return {"FIFO": "nimetty putki (FIFO)", "socket": "pistoke (socket)", "device": "laitetiedosto",
            "folder": "kansio"}.get(error.strerror, "erikoistiedosto")


class Tree:
    """A folder whose contents are reached only through descriptors that follow no link.

    Paths are relative, with ``/`` between folders (``fi/x.html``). The root folder itself
    may be a link (the user chose it); everything below it may not. Use as a context manager.
    """

    def __init__(self, root_fd: int):
        self._folders: dict[str, int] = {"": root_fd}
        self.created: list[str] = []  # folders this tree made, parents first

    @classmethod
    def open(cls, root, create: bool = False) -> "Tree":
        """The tree at ``root``; with ``create``, the folder and its parents are made if missing.

        Raises :class:`NotAFolder` when ``root`` is a file, or another ``OSError``.
        """
        if create:
            try:
                os.makedirs(root, exist_ok=True)
            except FileExistsError:
                raise NotAFolder("") from None
        try:
            fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except NotADirectoryError:
            raise NotAFolder("") from None
        return cls(fd)

    def __enter__(self) -> "Tree":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for fd in self._folders.values():
            os.close(fd)
        self._folders.clear()

    def folder(self, name: str, create: bool = False) -> int | None:
        """The descriptor of folder ``name`` ("" is the root); None if it is missing.

        With ``create``, missing folders are made (a folder another process makes at the same
        moment is simply used). Raises :class:`SymbolicLink` or :class:`NotAFolder`.
        """
        if name in self._folders:
            return self._folders[name]
        parent_name, _, leaf = name.rpartition("/")
        parent = self.folder(parent_name, create)
        if parent is None:
            return None
        try:
            fd = os.open(leaf, _DIRECTORY, dir_fd=parent)
        except FileNotFoundError:
            if not create:
                return None
            try:
                os.mkdir(leaf, dir_fd=parent)
                self.created.append(name)
            except FileExistsError:
                pass  # another build made it first
            fd = self._open_folder(parent, leaf, name)
        except OSError as exc:
            self._explain(exc, parent, leaf, name)
            raise
        self._folders[name] = fd
        return fd

    def _open_folder(self, parent: int, leaf: str, name: str) -> int:
        try:
            return os.open(leaf, _DIRECTORY, dir_fd=parent)
        except OSError as exc:
            self._explain(exc, parent, leaf, name)
            raise

    @staticmethod
    def _explain(exc: OSError, parent: int, leaf: str, name: str) -> None:
        """Raise the tree's own error when ``exc`` was caused by a link or a file in the way."""
        if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
            return
        try:
            mode = os.stat(leaf, dir_fd=parent, follow_symlinks=False).st_mode
        except OSError:
            return
        if stat.S_ISLNK(mode):
            raise SymbolicLink(name) from None
        if not stat.S_ISDIR(mode):
            raise NotAFolder(name) from None

    def read(self, name: str) -> bytes | None:
        """The bytes of file ``name``, or None if it (or its folder) does not exist.

        Raises :class:`SymbolicLink`, :class:`NotAFolder`, :class:`NotRegularFile` (a folder or
        FIFO in the file's place) or another ``OSError``.
        """
        folder_name, _, leaf = name.rpartition("/")
        folder = self.folder(folder_name)
        if folder is None:
            return None
        try:
            return read_regular(leaf, dir_fd=folder, follow=False)
        except FileNotFoundError:
            return None
        except SymbolicLink:
            raise SymbolicLink(name) from None

    def kind(self, name: str) -> str | None:
        """``file``, ``folder``, ``link`` or ``other`` for what stands at ``name``; None if nothing."""
        folder_name, _, leaf = name.rpartition("/")
        folder = self.folder(folder_name)
        if folder is None:
            return None
        try:
            mode = os.stat(leaf, dir_fd=folder, follow_symlinks=False).st_mode
        except FileNotFoundError:
            return None
        if stat.S_ISLNK(mode):
            return "link"
        if stat.S_ISREG(mode):
            return "file"
        return "folder" if stat.S_ISDIR(mode) else "other"

    def temporaries(self, folder_name: str) -> list[str]:
        """Temporary files (by path in the tree) that a run left in folder ``folder_name``."""
        folder = self.folder(folder_name)
        if folder is None:
            return []
        found = []
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(TEMP_PREFIX) and entry.is_file(follow_symlinks=False):
                    found.append(f"{folder_name}/{entry.name}" if folder_name else entry.name)
        return sorted(found)

    def write_temporary(self, folder_name: str, content: bytes, flush: bool = True) -> str:
        """Write ``content`` to a new temporary file in folder ``folder_name`` (made if missing),
        flushed to disk unless ``flush`` is off; returns its path in the tree."""
        folder = self.folder(folder_name, create=True)
        while True:
            leaf = TEMP_PREFIX + secrets.token_hex(8)
            try:
                fd = os.open(leaf, _CREATE, 0o666, dir_fd=folder)
                break
            except FileExistsError:
                continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
                if flush:
                    handle.flush()
                    os.fsync(handle.fileno())
        except BaseException:
            os.unlink(leaf, dir_fd=folder)
            raise
        return f"{folder_name}/{leaf}" if folder_name else leaf

    def replace(self, source: str, target: str) -> None:
        """Rename ``source`` to ``target`` within one folder, atomically."""
        folder_name, _, source_leaf = source.rpartition("/")
        target_folder, _, target_leaf = target.rpartition("/")
        assert folder_name == target_folder
        folder = self.folder(folder_name)
        os.replace(source_leaf, target_leaf, src_dir_fd=folder, dst_dir_fd=folder)

    def remove(self, name: str) -> None:
        """Remove file ``name`` (never through a link: a link is itself removed, not its target)."""
        folder_name, _, leaf = name.rpartition("/")
        folder = self.folder(folder_name)
        if folder is None:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
        os.unlink(leaf, dir_fd=folder)

    def remove_folder(self, name: str) -> None:
        """Remove the empty folder ``name``."""
        parent_name, _, leaf = name.rpartition("/")
        fd = self._folders.pop(name, None)
        if fd is not None:
            os.close(fd)
        os.rmdir(leaf, dir_fd=self.folder(parent_name))

    def sync(self, folder_name: str) -> None:
        """Flush folder ``folder_name``'s entries (its renames) to disk."""
        folder = self.folder(folder_name)
        if folder is not None:
            os.fsync(folder)


def write_atomically(path, content: bytes) -> None:
    """Write ``content`` to the file ``path`` so that it is either as before or whole: a new
    temporary file beside it, flushed to disk, then renamed over it. A link at ``path`` is
    replaced, never followed. Raises OSError."""
    path = os.fspath(path)
    folder = os.path.dirname(path) or "."
    temporary = os.path.join(folder, TEMP_PREFIX + secrets.token_hex(8))
    fd = os.open(temporary, _CREATE, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
