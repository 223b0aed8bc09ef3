"""PAdES signature of a rendered PDF: verified with pyHanko, the text read back with pypdf, the errors in Italian.

Each test makes its own certificates with ``cryptography`` (self-signed, packed
as PKCS#12 with a password) in a temporary folder; the demo document is
rendered once. Validation trusts the self-signed certificate explicitly and
never goes to the network.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pikepdf
import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from pianodocs.backends.pdf import write_pdf
from pianodocs.errors import PianodocsError
from pianodocs.signing import PASSWORD_VARIABLE, SignatureError, password_from_environment_or_prompt, sign_pdf
from pianodocs.view.demo import demo_document
from pianodocs.view.model import Cover, Document, Heading, Paragraph
from pianodocs.view.richtext import plain

PASSWORD = b"Segreta-2020"
NOW = dt.datetime.now(dt.UTC)


def make_certificate(
    folder: Path,
    *,
    holder: str = "Mario Rossi",
    password: bytes | None = PASSWORD,
    valid_from: dt.datetime = NOW - dt.timedelta(days=30),
    valid_until: dt.datetime = NOW + dt.timedelta(days=365),
    signing_usage: bool = True,
    elliptic: bool = False,
) -> tuple[Path, x509.Certificate]:
    """A self-signed certificate and its key (RSA, or ECDSA P-256) in a PKCS#12 file, protected by ``password`` unless None."""
    key = ec.generate_private_key(ec.SECP256R1()) if elliptic else rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "IT"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Camera di Commercio di Esempio"),
            x509.NameAttribute(NameOID.COMMON_NAME, holder),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from)
        .not_valid_after(valid_until)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=signing_usage,
                content_commitment=signing_usage,
                key_encipherment=not signing_usage,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    path = folder / f"{holder.replace(' ', '_').lower()}.p12"
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"firma", key, certificate, None, encryption))
    return path, certificate


TINY = Document(
    title="Allegato di prova",
    author="Camera di Commercio di Esempio",
    subject="Prova di firma",
    cover=Cover("Camera di Commercio di Esempio", "Allegato di prova"),
    blocks=(Heading("Premessa", 1, "premessa", "1."), Paragraph(plain("Testo da firmare: àèìòù €."))),
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo document (every kind of block, many pages) and a two-page one, rendered once."""
    folder = tmp_path_factory.mktemp("pdf")
    write_pdf(demo_document(), folder / "demo.pdf")
    write_pdf(TINY, folder / "tiny.pdf")
    return {"demo": folder / "demo.pdf", "tiny": folder / "tiny.pdf"}


def fresh_copy(source: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "documenti"
    folder.mkdir()
    return Path(shutil.copy(source, folder / "piano.pdf"))


@pytest.fixture
def document(rendered: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of the small rendered PDF, alone in its folder."""
    return fresh_copy(rendered["tiny"], tmp_path)


@pytest.fixture
def demo(rendered: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of the rendered demo PDF, alone in its folder."""
    return fresh_copy(rendered["demo"], tmp_path)


def signatures(path: Path) -> list:  # type: ignore[type-arg]
    return list(PdfFileReader(io.BytesIO(path.read_bytes())).embedded_signatures)


def status_of(signature, certificate: x509.Certificate):  # type: ignore[no-untyped-def]
    root = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    return validate_pdf_signature(signature, ValidationContext(trust_roots=[root], allow_fetching=False))


# --- a good signature -------------------------------------------------------------------------------------------


def test_signature_is_intact_trusted_and_covers_the_whole_file(demo: Path, tmp_path: Path) -> None:
    certificate_file, certificate = make_certificate(tmp_path)
    signed = tmp_path / "firmato.pdf"
    sign_pdf(
        demo, signed, pkcs12=certificate_file, password=PASSWORD, reason="Approvazione", location="Prato", name="Mario Rossi"
    )

    [signature] = signatures(signed)
    status = status_of(signature, certificate)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    assert status.signing_cert.sha256 == certificate.fingerprint(hashes.SHA256())
    assert status.md_algorithm == "sha256"
    assert signature.field_name == "Firma"
    dictionary = signature.sig_object
    assert (dictionary["/Reason"], dictionary["/Location"], dictionary["/Name"]) == ("Approvazione", "Prato", "Mario Rossi")


def test_signature_is_pades_baseline_b(document: Path, tmp_path: Path) -> None:
    certificate_file, _ = make_certificate(tmp_path)
    signed = tmp_path / "firmato.pdf"
    sign_pdf(document, signed, pkcs12=certificate_file, password=PASSWORD)

    [signature] = signatures(signed)
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert "/M" in signature.sig_object  # PAdES: the claimed signing time is in the dictionary...
    attributes = {attribute["type"].native for attribute in signature.signer_info["signed_attrs"]}
    assert {"content_type", "message_digest", "signing_certificate_v2"} <= attributes
    assert "signing_time" not in attributes  # ...and never among the CMS signed attributes
    assert "/Location" not in signature.sig_object  # empty location: no entry


@pytest.mark.slow
def test_signing_appends_to_the_pdf_and_keeps_its_text(demo: Path, tmp_path: Path) -> None:
    certificate_file, _ = make_certificate(tmp_path)
    signed = tmp_path / "firmato.pdf"
    original = demo.read_bytes()
    sign_pdf(demo, signed, pkcs12=certificate_file, password=PASSWORD)

    assert signed.read_bytes().startswith(original)  # an incremental update: the rendered bytes are untouched
    before, after = PdfReader(demo), PdfReader(signed)
    assert len(after.pages) == len(before.pages) > 5
    assert [page.extract_text() for page in after.pages] == [page.extract_text() for page in before.pages]
    assert "PIANO DELLA PERFORMANCE" in after.pages[0].extract_text()
    assert "àèìòù" in "".join(page.extract_text() for page in after.pages)


def test_certificate_without_password(document: Path, tmp_path: Path) -> None:
    certificate_file, certificate = make_certificate(tmp_path, password=None)
    signed = tmp_path / "firmato.pdf"
    sign_pdf(document, signed, pkcs12=certificate_file, password=None)
    [signature] = signatures(signed)
    assert status_of(signature, certificate).bottom_line


def test_elliptic_curve_key(document: Path, tmp_path: Path) -> None:
    certificate_file, certificate = make_certificate(tmp_path, elliptic=True)
    signed = tmp_path / "firmato.pdf"
    sign_pdf(document, signed, pkcs12=certificate_file, password=PASSWORD)
    [signature] = signatures(signed)
    status = status_of(signature, certificate)
    assert status.bottom_line and status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    assert status.md_algorithm == "sha256" and "ecdsa" in status.pkcs7_signature_mechanism
    with pikepdf.open(signed) as pdf:  # pyHanko declares PDF 2.0 for ECDSA (ISO 32002): see docs/firma.md
        assert signed.read_bytes().startswith(b"%PDF-1.7") and pdf.Root.Version == "/2.0"


# --- in place, and a second signature ---------------------------------------------------------------------------


def test_signing_in_place_replaces_the_file_and_leaves_nothing_else(document: Path, tmp_path: Path) -> None:
    certificate_file, certificate = make_certificate(tmp_path)
    original = document.read_bytes()
    sign_pdf(document, document, pkcs12=certificate_file, password=PASSWORD)

    assert [path.name for path in document.parent.iterdir()] == ["piano.pdf"]
    assert document.read_bytes().startswith(original) and len(document.read_bytes()) > len(original)
    [signature] = signatures(document)
    assert status_of(signature, certificate).coverage is SignatureCoverageLevel.ENTIRE_FILE


def test_second_signature_keeps_the_first_valid(document: Path, tmp_path: Path) -> None:
    first_file, first = make_certificate(tmp_path, holder="Mario Rossi")
    second_file, second = make_certificate(tmp_path, holder="Anna Bianchi")
    sign_pdf(document, document, pkcs12=first_file, password=PASSWORD)
    sign_pdf(document, document, pkcs12=second_file, password=PASSWORD)

    earlier, later = signatures(document)
    assert (earlier.field_name, later.field_name) == ("Firma", "Firma 2")
    earlier_status, later_status = status_of(earlier, first), status_of(later, second)
    assert earlier_status.intact and earlier_status.valid and earlier_status.trusted
    assert earlier_status.coverage is SignatureCoverageLevel.ENTIRE_REVISION
    assert later_status.bottom_line and later_status.coverage is SignatureCoverageLevel.ENTIRE_FILE
    assert later_status.signing_cert.subject.native["common_name"] == "Anna Bianchi"


# --- what keeps a PDF/A file PDF/A ------------------------------------------------------------------------------


def test_signing_keeps_the_pdfa_declaration_and_follows_its_rules(document: Path, tmp_path: Path) -> None:
    with pikepdf.open(document, allow_overwriting_input=True) as pdf:
        declared = pdf.open_metadata().pdfa_status
        if not declared:  # the backend may render plain tagged PDF: declare PDF/A-2a as it would
            with pdf.open_metadata(set_pikepdf_as_editor=False) as metadata:
                metadata["pdfaid:part"], metadata["pdfaid:conformance"] = "2", "A"
            pdf.save(document)
            declared = "2A"
        original_id = pdf.trailer.ID[0]
    certificate_file, _ = make_certificate(tmp_path)
    sign_pdf(document, document, pkcs12=certificate_file, password=PASSWORD)

    with pikepdf.open(document) as pdf:
        metadata = pdf.open_metadata()
        assert metadata.pdfa_status == declared
        assert metadata["dc:title"] == "Allegato di prova"
        # the date of the update, the same in the document information and in the XMP (D:YYYYMMDDHHmmSS...)
        assert str(pdf.docinfo["/ModDate"])[2:16] == re.sub(r"\D", "", metadata["xmp:ModifyDate"])[:14]
        assert "/Encrypt" not in pdf.trailer
        assert pdf.pdf_version == "1.7" and "/Version" not in pdf.Root  # PDF/A-2 is PDF 1.7...
        assert pdf.Root.Extensions.ESIC.BaseVersion == "/1.7"  # ...with the ETSI extension that PAdES declares
        assert pdf.trailer.ID[0] == original_id  # the permanent identifier stays, only the second one changes
        assert not pdf.Root.AcroForm.get("/NeedAppearances", False)
        [widget] = [annotation for annotation in pdf.pages[0].Annots if annotation.get("/FT") == "/Sig"]
        flags = int(widget.F)
        assert flags & 4 and not flags & (1 | 2 | 32 | 256)  # printable; not invisible, hidden or no-view (6.3.2)
        assert "/A" not in widget and "/AA" not in widget  # no actions (6.4.1)
        # a rectangle of no size needs no appearance (6.3.3), and it lies outside the page (PDF/UA)
        left, bottom, right, top = (float(value) for value in widget.Rect)
        assert (left, bottom) == (right, top) and left < 0 and bottom < 0
        assert "/AP" not in widget or list(widget.AP.keys()) == ["/N"]
    [signature] = signatures(document)
    assert len(signature.signed_data["signer_infos"]) == 1  # one signer, whose certificate is inside (6.4.3)
    assert signature.signer_cert is not None


# --- errors: nothing written, messages in Italian ---------------------------------------------------------------


def test_wrong_password_writes_nothing(document: Path, tmp_path: Path) -> None:
    certificate_file, _ = make_certificate(tmp_path)
    signed = document.parent / "firmato.pdf"
    with pytest.raises(SignatureError, match=r"Password errata per il certificato mario_rossi\.p12"):
        sign_pdf(document, signed, pkcs12=certificate_file, password=b"sbagliata")
    assert [path.name for path in document.parent.iterdir()] == ["piano.pdf"]


def test_missing_password_says_how_to_give_it(document: Path, tmp_path: Path) -> None:
    certificate_file, _ = make_certificate(tmp_path)
    with pytest.raises(SignatureError, match=f"protetto da password.*{PASSWORD_VARIABLE}"):
        sign_pdf(document, tmp_path / "firmato.pdf", pkcs12=certificate_file, password=None)
    assert not (tmp_path / "firmato.pdf").exists()


@pytest.mark.parametrize(
    "content",
    [b"non sono un certificato", b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", b"\x30\x03\x02\x01\x03"],
    ids=["testo", "pem", "der-troncato"],
)
def test_not_a_pkcs12_file(document: Path, tmp_path: Path, content: bytes) -> None:
    fake = tmp_path / "certificato.p12"
    fake.write_bytes(content)
    with pytest.raises(SignatureError, match=r"non è un file di certificato PKCS#12 \(\.p12 o \.pfx\)"):
        sign_pdf(document, document, pkcs12=fake, password=PASSWORD)


def test_certificate_in_der_is_not_a_pkcs12_file(document: Path, tmp_path: Path) -> None:
    _, certificate = make_certificate(tmp_path)
    der = tmp_path / "certificato.cer"
    der.write_bytes(certificate.public_bytes(serialization.Encoding.DER))
    with pytest.raises(SignatureError, match="non è un file di certificato PKCS#12"):
        sign_pdf(document, document, pkcs12=der, password=PASSWORD)


def test_missing_certificate_file(document: Path, tmp_path: Path) -> None:
    with pytest.raises(SignatureError, match=r"Il file del certificato non esiste: .*manca\.p12"):
        sign_pdf(document, document, pkcs12=tmp_path / "manca.p12", password=PASSWORD)


def test_expired_certificate_is_refused_and_says_when_it_expired(document: Path, tmp_path: Path) -> None:
    expiry = NOW - dt.timedelta(days=3)
    certificate_file, _ = make_certificate(tmp_path, valid_from=NOW - dt.timedelta(days=400), valid_until=expiry)
    original = document.read_bytes()
    with pytest.raises(SignatureError, match=f"Il certificato di Mario Rossi è scaduto il {expiry:%d/%m/%Y}"):
        sign_pdf(document, document, pkcs12=certificate_file, password=PASSWORD)
    assert document.read_bytes() == original


def test_certificate_not_yet_valid(document: Path, tmp_path: Path) -> None:
    start = NOW + dt.timedelta(days=10)
    certificate_file, _ = make_certificate(tmp_path, valid_from=start, valid_until=NOW + dt.timedelta(days=400))
    with pytest.raises(SignatureError, match=f"non è ancora valido: lo sarà dal {start:%d/%m/%Y}"):
        sign_pdf(document, document, pkcs12=certificate_file, password=PASSWORD)


def test_certificate_not_meant_for_signatures(document: Path, tmp_path: Path) -> None:
    certificate_file, _ = make_certificate(tmp_path, signing_usage=False)
    with pytest.raises(SignatureError, match="non è abilitato alla firma digitale"):
        sign_pdf(document, document, pkcs12=certificate_file, password=PASSWORD)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Il PDF da firmare non esiste"),
        (b"PK\x03\x04 un file zip", "non è un file PDF"),
        (b"%PDF-1.7\nrotto\n%%EOF\n", "non è leggibile: il file è danneggiato o incompleto"),
    ],
    ids=["mancante", "non-pdf", "danneggiato"],
)
def test_unreadable_pdf(tmp_path: Path, content: bytes | None, message: str) -> None:
    certificate_file, _ = make_certificate(tmp_path)
    source = tmp_path / "documento.pdf"
    if content is not None:
        source.write_bytes(content)
    with pytest.raises(SignatureError, match=message):
        sign_pdf(source, tmp_path / "firmato.pdf", pkcs12=certificate_file, password=PASSWORD)
    assert not (tmp_path / "firmato.pdf").exists()


def test_truncated_pdf(document: Path, tmp_path: Path) -> None:
    certificate_file, _ = make_certificate(tmp_path)
    document.write_bytes(document.read_bytes()[:4000])
    with pytest.raises(SignatureError, match="danneggiato o incompleto"):
        sign_pdf(document, document, pkcs12=certificate_file, password=PASSWORD)


def test_encrypted_pdf_is_refused(document: Path, tmp_path: Path) -> None:
    certificate_file, _ = make_certificate(tmp_path)
    with pikepdf.open(document, allow_overwriting_input=True) as pdf:
        pdf.save(document, encryption=pikepdf.Encryption(owner="proprietario", user="", R=6))
    with pytest.raises(SignatureError, match="è cifrato"):
        sign_pdf(document, tmp_path / "firmato.pdf", pkcs12=certificate_file, password=PASSWORD)


def test_a_signing_failure_is_one_of_pianodocs_errors(document: Path, tmp_path: Path) -> None:
    """A program catching pianodocs' own errors catches a failed signature too, with the same Italian message."""
    not_a_certificate = tmp_path / "certificato.p12"
    not_a_certificate.write_bytes(b"non un certificato")
    with pytest.raises(PianodocsError, match=r"certificato\.p12 non è un file di certificato PKCS#12 \(\.p12 o \.pfx\)"):
        sign_pdf(document, tmp_path / "firmato.pdf", pkcs12=not_a_certificate, password=PASSWORD)
    assert not (tmp_path / "firmato.pdf").exists()


def test_the_command_line_reports_a_signing_failure_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``render --firma`` with a file that is no certificate: exit 1, the sentence, no traceback, nothing written."""
    from pianodocs import cli
    from pianodocs.workbook.template import write_blank_workbook

    workbook, output, not_a_certificate = tmp_path / "piano.xlsx", tmp_path / "piano.pdf", tmp_path / "certificato.p12"
    write_blank_workbook(workbook, 2024, 2026)
    not_a_certificate.write_bytes(b"non un certificato")
    monkeypatch.setenv(PASSWORD_VARIABLE, "segreta")
    monkeypatch.delenv("PIANODOCS_DEBUG", raising=False)
    code = cli.main(["render", "piano-performance", str(workbook), "-o", str(output), "--firma", str(not_a_certificate)])
    errors = capsys.readouterr().err
    assert code == 1, errors
    assert errors == f"pianodocs: {not_a_certificate} non è un file di certificato PKCS#12 (.p12 o .pfx).\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["certificato.p12", "piano.xlsx"]


# --- the password ------------------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_password_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "pàsswörd €")
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: pytest.fail("non deve chiedere la password"))
    assert password_from_environment_or_prompt() == "pàsswörd €".encode()


def test_password_is_asked_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    monkeypatch.setattr("sys.stdin", Terminal())
    prompts: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or "digitata")
    assert password_from_environment_or_prompt() == b"digitata"
    assert prompts == ["Password del certificato: "]


def test_no_password_without_environment_or_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("segreta\n"))
    monkeypatch.setattr("getpass.getpass", lambda prompt: pytest.fail("non deve chiedere la password"))
    with pytest.raises(SignatureError, match=f"Manca la password del certificato: .*{PASSWORD_VARIABLE}.*terminale"):
        password_from_environment_or_prompt()


# --- render all --firma: the certificate is checked before rendering, a signed file is never destroyed ---------

VALSERENA = Path(__file__).resolve().parent.parent / "sample_data" / "cciaa_valserena_2024_2026.xlsx"


@pytest.fixture
def signed_folder(rendered: dict[str, Path], tmp_path: Path) -> Path:
    """A folder where ``render all --firma`` of the Valserena workbook has already written: signed PDFs and DOCX."""
    from pianodocs.render import applicable_kinds
    from pianodocs.workbook.loader import load_workbook

    certificate_file, _ = make_certificate(tmp_path, holder="Firmatario Precedente")
    folder = tmp_path / "documenti"
    folder.mkdir()
    for kind in applicable_kinds(load_workbook(VALSERENA)):
        sign_pdf(rendered["tiny"], folder / f"{VALSERENA.stem}_{kind}.pdf", pkcs12=certificate_file, password=PASSWORD)
        (folder / f"{VALSERENA.stem}_{kind}.docx").write_bytes(f"il DOCX di prima di {kind}".encode())
    return folder


def hashes_of(folder: Path) -> dict[str, str]:
    import hashlib

    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("problem", ["password errata", "certificato scaduto"])
def test_render_all_with_an_unusable_certificate_leaves_every_signed_file_as_it_was(
    signed_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    problem: str,
) -> None:
    from pianodocs.cli import main

    expiry = NOW - dt.timedelta(days=3)
    if problem == "password errata":
        certificate_file, _ = make_certificate(tmp_path, holder="Mario Rossi")
        monkeypatch.setenv(PASSWORD_VARIABLE, "sbagliata")
        expected = "pianodocs: Password errata per il certificato mario_rossi.p12 (oppure il file è danneggiato)."
    else:
        certificate_file, _ = make_certificate(tmp_path, holder="Mario Rossi", valid_until=expiry)
        monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD.decode())
        expected = f"pianodocs: Il certificato di Mario Rossi è scaduto il {expiry:%d/%m/%Y}:"
    before = hashes_of(signed_folder)
    assert all(signatures(path) for path in signed_folder.glob("*.pdf"))
    code = main(["render", "all", str(VALSERENA), "-o", str(signed_folder), "--firma", str(certificate_file), "--processi", "1"])
    errors = capsys.readouterr().err
    assert code == 1
    assert errors.strip().splitlines()[-1].startswith(expected), errors
    assert hashes_of(signed_folder) == before


def test_render_all_signs_each_pdf_aside_and_replaces_the_signed_ones(signed_folder: Path, tmp_path: Path) -> None:
    """With a usable certificate, every PDF is replaced by a newly rendered one signed by it, nothing else is left."""
    import os
    import subprocess
    import sys

    certificate_file, certificate = make_certificate(tmp_path, holder="Nuovo Firmatario")
    before = hashes_of(signed_folder)
    signing = ["--firma", str(certificate_file), "--processi", "2"]
    result = subprocess.run(
        [sys.executable, "-m", "pianodocs", "render", "all", str(VALSERENA), "-o", str(signed_folder), *signing],
        capture_output=True,
        text=True,
        env={**os.environ, PASSWORD_VARIABLE: PASSWORD.decode(), "TMPDIR": str(tmp_path)},
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    pdfs = sorted(signed_folder.glob("*.pdf"))
    assert pdfs and {path.name for path in pdfs} <= set(before)
    for path in pdfs:
        assert hashes_of(signed_folder)[path.name] != before[path.name]
        (signature,) = signatures(path)  # the old file's signature is gone with it: one, the new one
        assert status_of(signature, certificate).bottom_line, path.name
        text = "".join(page.extract_text() for page in PdfReader(path).pages)
        assert "Testo da firmare" not in text and re.search(r"Valserena|Performance 2024-2026", text), path.name
    assert not [path.name for path in tmp_path.iterdir() if path.name.startswith("pianodocs-")]
    assert not [path.name for path in signed_folder.iterdir() if path.name.startswith(".")]
