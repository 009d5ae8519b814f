import { Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';

/** A file's content as base64 (no data: prefix), for a preview channel. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/**
 * Drop (or choose) one .csv / .xlsx sheet: `onFile` reads it (antd uploads nothing itself);
 * `text` says "drop here" or "reading …", `hint` what the sheet holds.
 */
export function SheetDropZone({ reading, onFile, text, hint }: { reading: boolean; onFile: (f: File) => void; text: string; hint: string }) {
  return (
    <Upload.Dragger
      accept=".csv,.xlsx"
      multiple={false}
      showUploadList={false}
      disabled={reading}
      beforeUpload={(f) => {
        onFile(f);
        return false;
      }}
      data-testid="import-upload"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}
