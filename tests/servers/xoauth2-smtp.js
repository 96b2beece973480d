// An SMTP server on 127.0.0.1 that admits only SASL XOAUTH2, as Exchange Online does for an app
// sending as a mailbox, and writes everything it sees as JSON lines for the C# tests to read.
//
//   node xoauth2-smtp.js --port 2525 --user pmf@council.example --token T --record /tmp/seen.jsonl
//        [--reject-rcpt nobody@council.example] [--busy 2]
//
// It checks the SASL string itself, byte for byte: base64 of
// "user=" + user + "\x01auth=Bearer " + token + "\x01\x01". Anything else is refused the way
// Exchange refuses a bad token (334 with an error JSON, then 535 5.7.3).
// --reject-rcpt answers that recipient 550 5.1.1 (a permanent failure); --busy answers the first N
// MAIL FROM commands 451 4.7.500 (transient: the client should try again).
// Record lines: {"type":"auth","sasl":"<decoded>","accepted":true|false}
//               {"type":"rcpt-rejected","address":"..."} {"type":"busy"}
//               {"type":"message","user":"...","from":"...","to":["..."],"raw":"<the whole message>"}
'use strict';

const fs = require('node:fs');
const { SMTPServer } = require('smtp-server');
const SASL = require('smtp-server/lib/sasl.js').default;

function argument(name, fallback) {
    const at = process.argv.indexOf('--' + name);
    if (at < 0 || at + 1 >= process.argv.length) {
        if (fallback === undefined) {
            console.error(`xoauth2-smtp: --${name} is required`);
            process.exit(2);
        }
        return fallback;
    }
    return process.argv[at + 1];
}

const port = Number(argument('port'));
const user = argument('user');
const token = argument('token');
const record = argument('record');
const rejectRcpt = argument('reject-rcpt', '').toLowerCase();
let busy = Number(argument('busy', '0'));
const expected = 'user=' + user + '\x01auth=Bearer ' + token + '\x01\x01';

function write(entry) {
    fs.appendFileSync(record, JSON.stringify(entry) + '\n');
}

// smtp-server parses the XOAUTH2 string leniently (trimming, any order); read the raw form first,
// so a client that gets the format wrong is refused here even where the library would forgive it.
const parse = SASL.XOAUTH2_token;
SASL.XOAUTH2_token = function (canAbort, rawToken, callback) {
    const raw = (rawToken || '').toString().trim();
    if (!(canAbort && raw === '*')) {
        const sasl = Buffer.from(raw, 'base64').toString('utf8');
        this.session.saslExact = sasl === expected;
        write({ type: 'auth', sasl, accepted: this.session.saslExact });
    }
    return parse.call(this, canAbort, rawToken, callback);
};

const server = new SMTPServer({
    name: 'xoauth2.test',
    secure: false,
    disabledCommands: ['STARTTLS'],
    authMethods: ['XOAUTH2'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, session, callback) {
        if (auth.method === 'XOAUTH2' && session.saslExact && auth.username === user && auth.accessToken === token) {
            return callback(null, { user: auth.username });
        }
        // What Exchange Online sends back for a token it does not accept.
        return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://outlook.office365.com/.default' } });
    },
    onMailFrom(address, session, callback) {
        if (busy > 0) {
            busy--;
            write({ type: 'busy' });
            const error = new Error('4.7.500 Server busy. Please try again later.');
            error.responseCode = 451;
            return callback(error);
        }
        return callback();
    },
    onRcptTo(address, session, callback) {
        if (rejectRcpt && address.address.toLowerCase() === rejectRcpt) {
            write({ type: 'rcpt-rejected', address: address.address });
            const error = new Error('5.1.1 RESOLVER.ADR.RecipNotFound; not found');
            error.responseCode = 550;
            return callback(error);
        }
        return callback();
    },
    onData(stream, session, callback) {
        const chunks = [];
        stream.on('data', chunk => chunks.push(chunk));
        stream.on('end', () => {
            write({
                type: 'message',
                user: session.user,
                from: session.envelope.mailFrom && session.envelope.mailFrom.address,
                to: session.envelope.rcptTo.map(r => r.address),
                raw: Buffer.concat(chunks).toString('utf8'),
            });
            callback(null, 'Queued');
        });
    },
});

server.on('error', error => console.error('xoauth2-smtp:', error.message));
server.listen(port, '127.0.0.1', () => console.log(`xoauth2-smtp listening on 127.0.0.1:${port}`));

function stop() {
    server.close(() => process.exit(0));
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
