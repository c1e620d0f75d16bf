"""``seloste serve``: the live preview (:mod:`seloste.preview`) until Ctrl+C."""

from __future__ import annotations

import pathlib
import sys
import threading

from seloste import cli


def serve(args) -> int:
    from seloste.preview.server import PreviewServer
    from seloste.preview.server import is_loopback
    from seloste.preview.state import State
    from seloste.preview.watch import watch

    if not is_loopback(args.host) and not args.public:
        print(f"seloste serve: {args.host} ei ole tämän koneen sisäinen osoite; esikatselu näkyisi verkkoon. "
              "Käytä oletusta 127.0.0.1, tai anna --public, jos se todella on tarkoitus", file=sys.stderr)
        return cli.EXIT_USAGE
    policy_dir = pathlib.Path(args.policy)
    if not policy_dir.is_dir():
        print(f"seloste serve: kansiota {policy_dir} ei ole", file=sys.stderr)
        return cli.EXIT_USAGE
    state = State(policy_dir, args.against)
    try:
        server = PreviewServer(state, args.host, args.port)
    except OSError as exc:
        from seloste.problem import os_error_text

        print(f"seloste serve: osoitetta {args.host}:{args.port} ei voi käyttää: {os_error_text(exc)} "
              "(anna toinen portti: --port 8001)", file=sys.stderr)
        return cli.EXIT_USAGE
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(state, stop, lambda message: print(message, file=sys.stderr)),
                               daemon=True)
    watcher.start()
    print(f"Esikatselu: {server.url} (Ctrl+C lopettaa)", file=sys.stderr, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.server_close()
    return cli.EXIT_OK
