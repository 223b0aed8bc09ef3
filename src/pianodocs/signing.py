"""Sign a rendered PDF with a PAdES baseline signature (B-B), from a PKCS#12 certificate file.

Signing is the last step, after the PDF/A rendering: the signature is added as
an incremental update (the original bytes stay untouched and are covered by the
signature), so a PDF/A file stays PDF/A. The signature is invisible and gets no
timestamp (there is no timestamp server): see docs/firma.md. This is the only
module that imports pyHanko and reads certificates; every failure becomes a
:class:`SignatureError` with an Italian message.
"""

from __future__ import annotations

import datetime as dt
import getpass
import io
import os
import sys
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.serialization.pkcs12 import load_key_and_certificates
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError

from .atomic import atomic_output
from .errors import PianodocsError

PASSWORD_VARIABLE = "PIANODOCS_FIRMA_PASSWORD"
"""The environment variable that may hold the certificate's password."""

DEFAULT_REASON = "Sottoscrizione del documento"
FIELD_NAME = "Firma"
"""The signature field's name; a second signature gets "Firma 2", and so on."""


class SignatureError(PianodocsError):
    """The PDF could not be signed: certificate file, password, certificate validity or the PDF itself."""


def sign_pdf(
    source: Path,
    target: Path,
    *,
    pkcs12: Path,
    password: bytes | None,
    reason: str = DEFAULT_REASON,
    location: str = "",
    name: str | None = None,
) -> None:
    """Write to ``target`` the PDF ``source`` signed (PAdES B-B) with the key and certificate in ``pkcs12``.

    ``target`` may be ``source``: the file is replaced only once the signed copy
    is complete. ``name`` is the signer's name shown by viewers (by default
    they show the certificate's). Nothing is written if the certificate cannot
    be used or the PDF cannot be read.
    """
    signer = _load_signer(Path(pkcs12), password)
    data = _read_pdf(Path(source))
    writer = _incremental_writer(data, Path(source))
    field_name = _free_field_name(writer)
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name,
        reason=reason or None,
        location=location or None,
        name=name or None,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    field = fields.SigFieldSpec(
        field_name,
        readable_field_name="Firma digitale",
        # no box: invisible, printable (PDF/A) and outside the page (PDF/UA: untagged annotation not shown)
        invis_sig_settings=fields.InvisSigSettings(set_print_flag=True, set_hidden_flag=False, box_out_of_bounds=True),
    )
    pdf_signer = signers.PdfSigner(metadata, signer=signer, new_field_spec=field)
    with atomic_output(target) as temporary:
        try:
            with temporary.open("wb") as output:
                pdf_signer.sign_pdf(writer, output=output)
        except (PdfError, SigningError) as error:
            raise SignatureError(f"Firma di {source} non riuscita: il PDF non ha la struttura attesa.") from error


def check_certificate(pkcs12: Path, password: bytes | None) -> None:
    """Raise :class:`SignatureError` unless ``pkcs12`` can sign now: readable, right password, valid, meant for signing.

    The CLI calls it before rendering anything, so a certificate that cannot be
    used stops the command while every existing file is still as it was.
    """
    _load_signer(Path(pkcs12), password)


def password_from_environment_or_prompt(prompt_text: str = "Password del certificato: ") -> bytes:
    """The certificate's password: from ``PIANODOCS_FIRMA_PASSWORD`` if set, else typed at the terminal.

    The password is never a command-line argument: the command line is visible
    to other users of the machine and stays in the shell's history.
    """
    value = os.environ.get(PASSWORD_VARIABLE)
    if value is not None:
        return value.encode("utf-8")
    if sys.stdin is None or not sys.stdin.isatty():
        raise SignatureError(
            "Manca la password del certificato: impostarla nella variabile d'ambiente "
            f"{PASSWORD_VARIABLE} oppure eseguire il comando da un terminale, dove verrà chiesta."
        )
    try:
        return getpass.getpass(prompt_text).encode("utf-8")
    except EOFError as error:
        raise SignatureError("Password del certificato non inserita.") from error


def _load_signer(path: Path, password: bytes | None) -> signers.SimpleSigner:
    """A signer for the key and certificate in the PKCS#12 file at ``path``, checked before use."""
    data = _read_file(path, "Il file del certificato")
    if not _is_pkcs12(data):
        raise SignatureError(f"{path} non è un file di certificato PKCS#12 (.p12 o .pfx).")
    try:
        key, certificate, _chain = load_key_and_certificates(data, password)
    except ValueError as error:
        if not password:
            raise SignatureError(
                f"Il certificato {path.name} è protetto da password: indicarla nella variabile d'ambiente "
                f"{PASSWORD_VARIABLE} o digitarla quando viene chiesta."
            ) from error
        raise SignatureError(f"Password errata per il certificato {path.name} (oppure il file è danneggiato).") from error
    if key is None or certificate is None:
        raise SignatureError(f"Il file {path.name} non contiene la chiave privata e il certificato del firmatario.")
    _check_certificate(certificate)
    try:
        return signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=password)  # type: ignore[no-any-return]
    except ValueError as error:
        raise SignatureError(f"La chiave del certificato {path.name} non è utilizzabile per firmare.") from error


def _is_pkcs12(data: bytes) -> bool:
    """True if ``data`` has the structure of a PKCS#12 file (whatever the password)."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in {"data", "signed_data"})
    except (ValueError, TypeError, KeyError):
        return False


def _check_certificate(certificate: x509.Certificate) -> None:
    """Refuse a certificate that is expired, not yet valid, or not meant for signatures."""
    now = dt.datetime.now(dt.UTC)
    holder = _holder(certificate)
    if certificate.not_valid_after_utc < now:
        raise SignatureError(
            f"Il certificato di {holder} è scaduto il {certificate.not_valid_after_utc:%d/%m/%Y}: "
            "non può più essere usato per firmare. Rinnovarlo presso il certificatore."
        )
    if certificate.not_valid_before_utc > now:
        raise SignatureError(
            f"Il certificato di {holder} non è ancora valido: lo sarà dal {certificate.not_valid_before_utc:%d/%m/%Y}."
        )
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return
    if not (usage.digital_signature or usage.content_commitment):
        raise SignatureError(f"Il certificato di {holder} non è abilitato alla firma digitale (uso della chiave).")


def _holder(certificate: x509.Certificate) -> str:
    """The certificate's common name, or its whole subject if it has none."""
    names = certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(names[0].value) if names else certificate.subject.rfc4514_string()


def _read_pdf(path: Path) -> bytes:
    """The bytes of the PDF to sign (read whole, so the file may then be replaced by its signed copy)."""
    data = _read_file(path, "Il PDF da firmare")
    if b"%PDF-" not in data[:1024]:
        raise SignatureError(f"{path} non è un file PDF.")
    return data


def _read_file(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise SignatureError(f"{what} non esiste: {path}") from error
    except IsADirectoryError as error:
        raise SignatureError(f"{what} indicato è una cartella: {path}") from error
    except OSError as error:
        raise SignatureError(f"{what} non è leggibile: {path} ({error.strerror or error}).") from error


def _incremental_writer(data: bytes, path: Path) -> IncrementalPdfFileWriter:
    """A writer that appends to ``data``; refuses damaged and encrypted PDFs."""
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data))
    except (PdfError, ValueError) as error:
        raise SignatureError(f"Il PDF {path} non è leggibile: il file è danneggiato o incompleto.") from error
    if writer.prev.encrypted:
        raise SignatureError(f"Il PDF {path} è cifrato: si firmano solo PDF non cifrati (un PDF/A non può esserlo).")
    return writer


def _free_field_name(writer: IncrementalPdfFileWriter) -> str:
    """``Firma``, or ``Firma 2``, ``Firma 3``... if the PDF is already signed."""
    taken = {name for name, _value, _reference in fields.enumerate_sig_fields(writer.prev)}
    number = 1
    while (candidate := FIELD_NAME if number == 1 else f"{FIELD_NAME} {number}") in taken:
        number += 1
    return candidate
