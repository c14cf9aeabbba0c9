'use strict';
const { CreateMultipartUploadCommand, UploadPartCopyCommand, CompleteMultipartUploadCommand, AbortMultipartUploadCommand, HeadObjectCommand } = require('@aws-sdk/client-s3');
const { banner } = require('./assets');

const MB = 1024 * 1024;
banner();

async function copyObject(client, { sourceBucket, sourceKey, bucket, key, partSize = 64 * MB, concurrency = 8 }) {
  const head = await client.send(new HeadObjectCommand({ Bucket: sourceBucket, Key: sourceKey }));
  const size = head.ContentLength;
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: head.ContentType, Metadata: head.Metadata }));
  const ranges = [];
  for (let start = 0, n = 1; start < size; start += partSize, n++) ranges.push({ n, start, end: Math.min(start + partSize, size) - 1 });
  const parts = [];
  try {
    for (let i = 0; i < ranges.length; i += concurrency) {
      const batch = ranges.slice(i, i + concurrency).map((r) =>
        client.send(new UploadPartCopyCommand({
          Bucket: bucket, Key: key, UploadId, PartNumber: r.n,
          CopySource: encodeURIComponent(`${sourceBucket}/${sourceKey}`),
          CopySourceRange: `bytes=${r.start}-${r.end}`
        })).then((res) => parts.push({ PartNumber: r.n, ETag: res.CopyPartResult.ETag })));
      await Promise.all(batch);
    }
    parts.sort((a, b) => a.PartNumber - b.PartNumber);
    return await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } }));
  } catch (err) {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId })).catch(() => {});
    throw err;
  }
}

module.exports = { copyObject };
