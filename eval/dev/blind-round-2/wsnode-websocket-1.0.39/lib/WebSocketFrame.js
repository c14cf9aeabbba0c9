'use strict';
const DECODE_HEADER = 1, WAITING_FOR_16_BIT_LENGTH = 2, WAITING_FOR_64_BIT_LENGTH = 3, WAITING_FOR_MASK_KEY = 4, WAITING_FOR_PAYLOAD = 5, COMPLETE = 6;

function WebSocketFrame(maskBytes, frameHeader, config) {
    this.maskBytes = maskBytes;
    this.frameHeader = frameHeader;
    this.config = config;
    this.maxReceivedFrameSize = config.maxReceivedFrameSize;
    this.protocolError = false;
    this.frameTooLarge = false;
    this.invalidCloseFrameLength = false;
    this.parseState = DECODE_HEADER;
    this.closeStatus = -1;
}

WebSocketFrame.prototype.addData = function(bufferList) {
    if (this.parseState === DECODE_HEADER && bufferList.length >= 2) {
        bufferList.joinInto(this.frameHeader, 0, 0, 2);
        bufferList.advance(2);
        const firstByte = this.frameHeader[0], secondByte = this.frameHeader[1];
        this.fin = Boolean(firstByte & 0x80);
        this.rsv1 = Boolean(firstByte & 0x40);
        this.opcode = firstByte & 0x0F;
        this.mask = Boolean(secondByte & 0x80);
        this.length = secondByte & 0x7F;
        if (this.opcode >= 0x08 && (this.length > 125 || !this.fin)) {
            this.protocolError = true;
            this.dropReason = 'Illegal control frame';
            return true;
        }
        if (this.length === 126) this.parseState = WAITING_FOR_16_BIT_LENGTH;
        else if (this.length === 127) this.parseState = WAITING_FOR_64_BIT_LENGTH;
        else this.parseState = WAITING_FOR_MASK_KEY;
    }
    return this.parseState === COMPLETE;
};

module.exports = WebSocketFrame;
