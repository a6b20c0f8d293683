#!/usr/bin/env bash
# Writes the hostile reading corpus, fixtures/hostile/reading/: one file per reading fault
# (issue 12, "Bounded reading"), made from the specification's samples, which are copied to
# fixtures/hostile/reading/good/. Deterministic: the same bytes every time (gzip mtime 0).
# The test that reads them is Tests/ZhubaoCoreTests/Import/HostileReadingTests.swift.
#   bash scripts/make-hostile.sh [SAMPLES_DIR]    (default ../shared/spec/samples)
set -euo pipefail
cd "$(dirname "$0")/.."
samples="${1:-../shared/spec/samples}"
out=fixtures/hostile/reading
mkdir -p "$out/good"
cp "$samples"/*.txt "$samples"/*.csv "$samples"/*.xml "$samples"/*.xml.gz "$out/good/"
python3 - "$samples" "$out" <<'PY'
import gzip, io, os, sys, zlib
samples, out = sys.argv[1], sys.argv[2]

def read(name):
    with open(os.path.join(samples, name), 'rb') as f:
        data = f.read()
    return gzip.decompress(data) if name.endswith('.gz') else data

def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode='wb', compresslevel=9, mtime=0) as g:
        g.write(data)
    return buf.getvalue()

def write(name, data):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)

gb = lambda s: s.encode('gb18030')
rcpt = read('TAX_RCPT_360700_20260115_001.xml.gz')
part = read('SI_PART_360700_20260107_001.xml')
disb = read('B105_DISB_360700_20260115_001.txt')
dedu = read('B105_DEDU_360700_20260410_001.txt')
claim = read('B105_CLAIM_360700_20270112_001.txt')
hard = read('MZ_HARD_360700_20260131_001.csv')
def sub(data, old, new, count=1):
    assert old in data, old
    return data.replace(old, new, count)

# 200,000 attributes on <Header>: quadratic in libxml2 (206 s before the guard).
attrs = b''.join(b' a%d="1"' % i for i in range(200000))
write('TAX_RCPT_360700_20260115_901.xml.gz', gz(sub(rcpt, b'<Header>', b'<Header' + attrs + b'>')))

# A hardship list of 1 GiB of blank lines between two rows, in about 1 MB of gzip.
c = zlib.compressobj(9, zlib.DEFLATED, 31)
parts = [c.compress(hard.split(b'\n', 2)[0] + b'\n' + hard.split(b'\n', 2)[1] + b'\n')]
chunk = b'\n' * (1 << 20)
for _ in range(1024):
    parts.append(c.compress(chunk))
parts.append(c.compress(hard.split(b'\n', 3)[2] + b'\n'))
parts.append(c.flush())
blob = b''.join(parts)
blob = blob[:4] + b'\0\0\0\0' + blob[8:]  # mtime 0
write('MZ_HARD_360700_20260131_902.csv.gz', blob)

# Control characters inside fields.
write('B105_DISB_360700_20260115_903.txt', sub(disb, b'GZ105-2026-000017-01', b'GZ105-2026-\x00000017-01'))
write('B105_DEDU_360700_20260410_904.txt', sub(dedu, b'B105T2026041000000071', b'B105T20260410\x0000000071'))
write('MZ_HARD_360700_20260131_905.csv', sub(hard, gb('赖福生'), gb('赖福\t生')))
write('TAX_RCPT_360700_20260115_906.xml', sub(rcpt, '<Name>刘建国</Name>'.encode(), '<Name>刘建&#x1;国</Name>'.encode()))
write('SI_PART_360700_20260107_907.xml', sub(part, '<Name>刘建国</Name>'.encode(), '<Name>刘建\x01国</Name>'.encode()))

# Attributes the layout does not name.
write('TAX_RCPT_360700_20260115_908.xml', sub(rcpt, b'<Receipt>', b'<Receipt kind="extra">'))
write('SI_PART_360700_20260107_909.xml', sub(part, b'version="1.0">',
      b'version="1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:zhubao:participant:1 participant.xsd">'))

# A hardship list without its header line: the reason quotes the first line masked.
write('MZ_HARD_360700_20260131_910.csv', hard.split(b'\n', 1)[1])

# Broken gzip: truncated, corrupt, not gzip at all, data after the end.
whole = gz(rcpt)
write('TAX_RCPT_360700_20260115_911.xml.gz', whole[:len(whole) // 2])
bad = bytearray(gz(disb)); bad[len(bad) // 2] ^= 0xFF
write('B105_DISB_360700_20260115_912.txt.gz', bytes(bad))
write('B103_DISB_360700_20260115_913.txt.gz', read('B103_DISB_360700_20260115_001.txt'))
write('TAX_RCPT_360700_20260115_919.xml.gz', whole + b'\0\0\0\0')

# Bytes that are not GB18030.
write('B105_DEDU_360700_20260410_914.txt', sub(dedu, gb('赖福生'), b'\xff\xb2\xfe'))

# Personal data where a reason quotes the field: an ID number as an amount, a name as a category.
write('B105_CLAIM_360700_20270112_915.txt', sub(claim, b'|270.00\n', b'|360702196703150030\n'))
write('MZ_HARD_360700_20260131_916.csv', sub(hard, gb('特困人员'), gb('赖福生')))

# Control totals: 15 integer digits are refused; 14 are a total (here, one that does not match).
write('TAX_RCPT_360700_20260115_917.xml', sub(rcpt, b'<TotalAmount>51904.00<', b'<TotalAmount>100000000000000.00<'))
write('B105_DISB_360700_20260115_918.txt', sub(disb, b'T|1|8904.00', b'T|1|99999999999999.99'))
PY
ls -l "$out"
