"""``seloste serve``: a live preview of the project's notices for the people who write them.

- :mod:`.state`: the project held in memory, each register with its notice files, its problems
  and what it changes against a git revision; an edit reloads only what it touched;
- :mod:`.page`: a notice page as the preview shows it: the published page with the problems
  and changes beside it and a script that reloads it when the project changes;
- :mod:`.server`: the web server, on loopback only, that serves nothing but what the state
  holds, to requests that name it by its own address (no DNS rebinding);
- :mod:`.watch`: the watcher (watchfiles) that tells the state what changed.

The published pages stay script-free: the preview's script and panel exist only in what the
server sends, never in ``output/``, which the preview does not touch.
"""
