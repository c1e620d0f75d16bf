"""``seloste init`` and ``seloste new``: an organisation's notices repository, and a register in it.

Both refuse to overwrite anything, and write nothing when any problem is found.
"""

from __future__ import annotations

import pathlib
import sys

from seloste import cli


def init(args) -> int:
    """Make a notices repository in ``args.folder`` (default: the working folder)."""
    from seloste import config
    from seloste import scaffold
    from seloste.load import load_text

    folder = pathlib.Path(args.folder)
    organisation = scaffold.Organisation(
        name=args.organisation, business_id=args.business_id or "", postal_address=args.postal_address or "",
        email=args.email or "", phone=args.phone or "", website=args.website or "",
        languages=tuple(code for code in (args.languages or "").replace(" ", "").split(",") if code),
        base_url=args.base_url or "")
    files = scaffold.init_files(organisation)
    settings, problems = load_text(files["seloste.yaml"].encode("utf-8"), "seloste.yaml", config.BOOLEAN_KEYS)
    if settings is not None:
        problems = problems + config.schema_problems(settings)
        if not problems:
            problems = config.contact_problems(settings)
    if problems:  # an option that would publish broken: said as the settings file would say it
        print("projektia ei tehty: asetuksissa on virheitä (ne on annettu komennon valitsimina)", file=sys.stderr)
        return cli._report(args, problems)
    try:
        existing = scaffold.write_new(folder, files)
    except OSError as exc:
        from seloste.problem import os_error_text

        print(f"seloste init: tiedostoa ei voi kirjoittaa: {os_error_text(exc)}", file=sys.stderr)
        return cli.EXIT_USAGE
    if existing:
        print(f"seloste init: {folder} sisältää jo tiedostot {', '.join(existing)}; mitään ei kirjoitettu "
              "(init ei korvaa olemassa olevaa)", file=sys.stderr)
        return cli.EXIT_PROBLEMS
    print(f"Tehty: {', '.join(files)}", file=sys.stderr)
    print("Seuraavaksi: seloste build (kirjoittaa output/), git add -A && git commit, ja "
          "git config diff.seloste.textconv \"seloste textconv\"", file=sys.stderr)
    return cli.EXIT_OK


def new(args) -> int:
    """Add register ``args.id`` to the policy folder, its controller the organisation's."""
    from seloste import config
    from seloste import project
    from seloste import scaffold
    from seloste.load import POLICY_SUFFIXES
    from seloste.load import is_register_id

    policy_dir = pathlib.Path(args.policy)
    if not is_register_id(args.id) or len(args.id) > project.max_register_id_length():
        print(f"seloste new: '{args.id}' ei kelpaa rekisterin tunnukseksi: käytä pieniä kirjaimia a–z, numeroita "
              f"ja väliviivoja, enintään {project.max_register_id_length()} merkkiä (esim. rekrytointirekisteri)",
              file=sys.stderr)
        return cli.EXIT_USAGE
    settings, problems = cli._settings(args)
    if any(problem.is_error for problem in problems):
        return cli._report(args, problems)
    existing = [str(policy_dir / f"{args.id}{suffix}") for suffix in POLICY_SUFFIXES
                if (policy_dir / f"{args.id}{suffix}").exists()]
    if existing:
        print(f"seloste new: {existing[0]} on jo olemassa; mitään ei kirjoitettu", file=sys.stderr)
        return cli.EXIT_PROBLEMS
    organisation = dict(settings.organisation)
    if args.controller:
        organisation = {"name": args.controller}
    if not organisation.get("name"):
        print(f"seloste new: rekisterinpitäjää ei tiedetä: kirjoita organisaation tiedot tiedostoon {config.FILE_NAME} "
              "(organisation: name: ...), tai anna nimi: seloste new --controller 'Esimerkki Oy' "
              f"{args.id}", file=sys.stderr)
        return cli.EXIT_USAGE
    name = args.name or args.id.replace("-", " ").capitalize()
    text = scaffold.register_file(args.id, name, organisation, settings.languages)
    try:
        written = scaffold.write_new(policy_dir, {f"{args.id}.yaml": text})
    except OSError as exc:
        from seloste.problem import os_error_text

        print(f"seloste new: tiedostoa ei voi kirjoittaa: {os_error_text(exc)}", file=sys.stderr)
        return cli.EXIT_USAGE
    if written:
        print(f"seloste new: {policy_dir / written[0]} on jo olemassa; mitään ei kirjoitettu", file=sys.stderr)
        return cli.EXIT_PROBLEMS
    print(f"Tehty: {policy_dir / (args.id + '.yaml')}; täydennä se ja aja seloste lint", file=sys.stderr)
    return cli.EXIT_OK
