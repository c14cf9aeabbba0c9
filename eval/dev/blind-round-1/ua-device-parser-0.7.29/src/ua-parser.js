/* UAParser-style user agent detection (MIT) */
(function (window, undefined) {
    'use strict';

    var LIBVERSION  = '0.7.29',
        EMPTY       = '',
        UNKNOWN     = '?',
        FUNC_TYPE   = 'function',
        UNDEF_TYPE  = 'undefined',
        OBJ_TYPE    = 'object',
        STR_TYPE    = 'string',
        MAJOR       = 'major',
        MODEL       = 'model',
        NAME        = 'name',
        TYPE        = 'type',
        VENDOR      = 'vendor',
        VERSION     = 'version',
        ARCHITECTURE= 'architecture',
        CONSOLE     = 'console',
        MOBILE      = 'mobile',
        TABLET      = 'tablet',
        SMARTTV     = 'smarttv',
        WEARABLE    = 'wearable',
        EMBEDDED    = 'embedded',
        UA_MAX_LENGTH = 255;

    var util = {
        has : function (str1, str2) {
            return typeof str1 === STR_TYPE ? str2.toLowerCase().indexOf(str1.toLowerCase()) !== -1 : false;
        },
        lowerize : function (str) { return str.toLowerCase(); },
        major : function (version) {
            return typeof(version) === STR_TYPE ? version.replace(/[^\d\.]/g, EMPTY).split('.')[0] : undefined;
        },
        trim : function (str, len) {
            str = str.replace(/^[\s\uFEFF\xA0]+|[\s\uFEFF\xA0]+$/g, EMPTY);
            return typeof(len) === UNDEF_TYPE ? str : str.substring(0, UA_MAX_LENGTH);
        }
    };

    var mapper = {
        rgx : function (ua, arrays) {
            var i = 0, j, k, p, q, matches, match;
            while (i < arrays.length && !matches) {
                var regex = arrays[i], props = arrays[i + 1];
                j = k = 0;
                while (j < regex.length && !matches) {
                    matches = regex[j++].exec(ua);
                    if (!!matches) {
                        for (p = 0; p < props.length; p++) {
                            match = matches[++k];
                            q = props[p];
                            if (typeof q === OBJ_TYPE && q.length > 0) {
                                if (q.length == 2) {
                                    this[q[0]] = typeof q[1] == FUNC_TYPE ? q[1].call(this, match) : q[1];
                                } else if (q.length == 3) {
                                    this[q[0]] = match ? match.replace(q[1], q[2]) : undefined;
                                }
                            } else {
                                this[q] = match ? match : undefined;
                            }
                        }
                    }
                }
                i += 2;
            }
        }
    };

    var regexes = {
        browser : [[
            /(opera\smini)\/([\w\.-]+)/i,
            /(opera\s[mobiletab]{3,6})\b.+version\/([\w\.-]+)/i,
            /(opera)(?:.+version\/|[\/\s]+)([\w\.]+)/i
            ], [NAME, VERSION], [
            /(edg|edge|edga|edgios)\/((\d+)?[\w\.]+)/i
            ], [[NAME, 'Edge'], VERSION], [
            /(firefox)\/([\w\.-]+)$/i,
            /(chrome|chromium|crios)\/v?([\w\.]+)/i
            ], [NAME, VERSION], [
            /version\/([\w\.]+)\s.*mobile\/\w+\s(safari)/i
            ], [VERSION, [NAME, 'Mobile Safari']], [
            /version\/([\w\.]+)\s.*(mobile\s?safari|safari)/i
            ], [VERSION, NAME]
        ],
        cpu : [[
            /(?:(amd|x(?:(?:86|64)[_-])?|wow|win)64)[;\)]/i
            ], [[ARCHITECTURE, 'amd64']], [
            /((?:i[346]|x)86)[;\)]/i
            ], [[ARCHITECTURE, 'ia32']], [
            /\b(aarch64|armv?8e?l?)\b/i
            ], [[ARCHITECTURE, 'arm64']]
        ],
        device : [[
            /\b(sch-i[89]0\d|shw-m380s|sm-[pt]\w{2,4}|gt-[pn]\d{2,4}|sgh-t8[56]9|nexus 10)/i
            ], [MODEL, [VENDOR, 'Samsung'], [TYPE, TABLET]], [
            /\((ip(?:hone|od)[\w ]*);/i
            ], [MODEL, [VENDOR, 'Apple'], [TYPE, MOBILE]], [
            /\((ipad);[-\w\),; ]+apple/i
            ], [MODEL, [VENDOR, 'Apple'], [TYPE, TABLET]]
        ],
        engine : [[
            /windows.+\sedge\/([\w\.]+)/i
            ], [VERSION, [NAME, 'EdgeHTML']], [
            /webkit\/537\.36.+chrome\/(?!27)([\w\.]+)/i
            ], [VERSION, [NAME, 'Blink']], [
            /(presto)\/([\w\.]+)/i,
            /(webkit|trident|netfront|netsurf|amaya|lynx|w3m|goanna)\/([\w\.]+)/i,
            /(khtml|tasman|links)[\/\s]\(?([\w\.]+)/i
            ], [NAME, VERSION], [
            /rv\:([\w\.]{1,9})\b.+(gecko)/i
            ], [VERSION, NAME]
        ],
        os : [[
            /microsoft\s(windows)\s(vista|xp)/i
            ], [NAME, VERSION], [
            /(windows)\snt\s6\.2;\s(arm)/i,
            /(windows\sphone(?:\sos)*)[\s\/]?([\d\.\s\w]*)/i
            ], [NAME, VERSION], [
            /ip[honead]{2,4}\b(?:.*os\s([\w]+)\slike\smac|;\sopera)/i
            ], [[VERSION, /_/g, '.'], [NAME, 'iOS']], [
            /(mac\sos\sx)\s?([\w\s\.]*)/i
            ], [[NAME, 'Mac OS'], [VERSION, /_/g, '.']], [
            /(android|webos|palm\sos|qnx|bada|rim\stablet\sos|meego|sailfish|contiki)[-\/\s]?([\w\.]*)/i,
            /(linux)\s?([\w\.]*)/i
            ], [NAME, VERSION]
        ]
    };

    var UAParser = function (ua, extensions) {
        if (typeof ua === OBJ_TYPE) { extensions = ua; ua = undefined; }
        if (!(this instanceof UAParser)) return new UAParser(ua, extensions).getResult();
        var _ua = ua || ((typeof window !== UNDEF_TYPE && window.navigator && window.navigator.userAgent) ? window.navigator.userAgent : EMPTY);
        var _rgxmap = extensions ? extensions : regexes;

        this.getBrowser = function () {
            var _browser = { name: undefined, version: undefined };
            mapper.rgx.call(_browser, _ua, _rgxmap.browser);
            _browser.major = util.major(_browser.version);
            return _browser;
        };
        this.getCPU = function () {
            var _cpu = { architecture: undefined };
            mapper.rgx.call(_cpu, _ua, _rgxmap.cpu);
            return _cpu;
        };
        this.getDevice = function () {
            var _device = { vendor: undefined, model: undefined, type: undefined };
            mapper.rgx.call(_device, _ua, _rgxmap.device);
            return _device;
        };
        this.getEngine = function () {
            var _engine = { name: undefined, version: undefined };
            mapper.rgx.call(_engine, _ua, _rgxmap.engine);
            return _engine;
        };
        this.getOS = function () {
            var _os = { name: undefined, version: undefined };
            mapper.rgx.call(_os, _ua, _rgxmap.os);
            return _os;
        };
        this.getResult = function () {
            return { ua: this.getUA(), browser: this.getBrowser(), engine: this.getEngine(),
                     os: this.getOS(), device: this.getDevice(), cpu: this.getCPU() };
        };
        this.getUA = function () { return _ua; };
        this.setUA = function (ua) {
            _ua = (typeof ua === STR_TYPE && ua.length > UA_MAX_LENGTH) ? util.trim(ua, UA_MAX_LENGTH) : ua;
            return this;
        };
        this.setUA(_ua);
        return this;
    };

    UAParser.VERSION = LIBVERSION;
    UAParser.DEVICE = { CONSOLE: CONSOLE, EMBEDDED: EMBEDDED, MOBILE: MOBILE, SMARTTV: SMARTTV, TABLET: TABLET, WEARABLE: WEARABLE };

    if (typeof(exports) !== UNDEF_TYPE) {
        if (typeof module !== UNDEF_TYPE && module.exports) exports = module.exports = UAParser;
        exports.UAParser = UAParser;
    } else if (typeof window !== UNDEF_TYPE) {
        window.UAParser = UAParser;
    }
})(typeof window === 'object' ? window : this);
