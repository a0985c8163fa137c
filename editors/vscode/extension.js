// The Treaty extension: starts `treaty lsp` for *.treaty.md files (Markdown, with ```treaty term blocks) and
// for bare .treaty files. All the language knowledge is in the server; this file only connects the editor to it.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function start(context) {
  const command = vscode.workspace.getConfiguration('treaty').get('path') || 'treaty';
  const server = { command, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('treaty', 'Treaty', { run: server, debug: server }, {
    documentSelector: [
      // files only: the server checks a file together with its folder
      { scheme: 'file', language: 'markdown', pattern: '**/*.treaty.md' },
      { scheme: 'file', language: 'treaty' }
    ],
    synchronize: {
      // a file changed by another program (git, treaty fmt) is read again
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.treaty.md')
    }
  });
  return client.start();
}

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('treaty.restartServer', async () => {
    if (client) await client.stop();
    await start(context);
  }));
  return start(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
