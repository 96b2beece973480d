using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// One INSERT prepared once and run for every row of a load, its parameters set by slot. For the
/// embedded warehouse the statement is SQLite's own, bound by position; for other engines it is an
/// ADO.NET command with typed parameters (SQL Server's Prepare requires types, sizes and precision).
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite binds every parameter by name on every execution (a look-up and a UTF-8
/// conversion of the name each time) and boxes each value: half of what a loaded row allocated (5,571
/// bytes a row, now 2,854; bench/README.md). Bound by position, a value is written as
/// Microsoft.Data.Sqlite would write it (decimals and dates as the same text, booleans as 0 and 1),
/// which <c>RowStatementTests</c> checks value by value, storage class included.
/// </remarks>
internal abstract class RowStatement : IDisposable
{
    /// <summary>The statement for <paramref name="connection"/>'s engine; <paramref name="columns"/> are its parameters, slot by slot.</summary>
    public static RowStatement Prepare(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, DbType Type)> columns) =>
        connection is SqliteConnection sqlite
            ? new Sqlite(sqlite, sql, columns)
            : ThroughAdoNet(connection, transaction, sql, columns);

    /// <summary>The ADO.NET statement whatever the engine: for other engines, and to compare with SQLite's own.</summary>
    public static RowStatement ThroughAdoNet(DbConnection connection, DbTransaction? transaction, string sql, params ReadOnlySpan<(string Name, DbType Type)> columns) =>
        new Ado(connection, transaction, sql, columns);

    public abstract void Set(int slot, long? value);

    public abstract void Set(int slot, decimal? value);

    public abstract void Set(int slot, string? value);

    public abstract void Set(int slot, bool? value);

    public abstract void Set(int slot, DateTime value);

    public void Set(int slot, int? value) => Set(slot, (long?)value);

    /// <summary>Runs the statement with the values set; a value stays set until it is set again. Returns the rows it changed.</summary>
    /// <exception cref="DbException">The database refused the row.</exception>
    public abstract ValueTask<int> ExecuteAsync(CancellationToken cancellationToken);

    public abstract void Dispose();

    private sealed class Ado : RowStatement
    {
        private readonly DbCommand _command;
        private readonly DbParameter[] _parameters;
        private bool _prepared;

        public Ado(DbConnection connection, DbTransaction? transaction, string sql, ReadOnlySpan<(string Name, DbType Type)> columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = sql;
            _parameters = new DbParameter[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                _parameters[i] = CommandParameters.Add(_command, columns[i].Name, columns[i].Type);
            }
        }

        public override void Set(int slot, long? value) => CommandParameters.Set(_parameters[slot], value);

        public override void Set(int slot, decimal? value) => CommandParameters.Set(_parameters[slot], value);

        public override void Set(int slot, string? value) => CommandParameters.Set(_parameters[slot], value);

        public override void Set(int slot, bool? value) => CommandParameters.Set(_parameters[slot], value);

        public override void Set(int slot, DateTime value) => CommandParameters.Set(_parameters[slot], value);

        public override async ValueTask<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            if (!_prepared)
            {
                await _command.PrepareAsync(cancellationToken);
                _prepared = true;
            }

            return await _command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void Dispose() => _command.Dispose();
    }

    private sealed class Sqlite : RowStatement
    {
        private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

        private readonly sqlite3 _database;
        private readonly sqlite3_stmt _statement;
        private readonly int[] _positions;

        // What each slot was last bound to. SQLite keeps a binding until it is bound again, and most of
        // a load's values are the same row after row (its submission, council, service, sheet and time,
        // an indicator's target over its months): binding only what changed saves two thirds of the calls
        // into SQLite, each of which takes the statement's handle and the connection's lock.
        private readonly Binding[] _bound;
        private byte[] _text = new byte[256];

        public Sqlite(SqliteConnection connection, string sql, ReadOnlySpan<(string Name, DbType Type)> columns)
        {
            _database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
            Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
            _positions = new int[columns.Length];
            _bound = new Binding[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                _positions[i] = raw.sqlite3_bind_parameter_index(_statement, columns[i].Name);
                if (_positions[i] == 0)
                {
                    throw new ArgumentException($"The statement has no parameter {columns[i].Name}.", nameof(columns));
                }
            }
        }

        private enum Kind : byte
        {
            Unbound,
            Null,
            Integer,
            Decimal,
            Text,
            Time,
        }

        public override void Set(int slot, long? value)
        {
            ref var bound = ref _bound[slot];
            if (value is not { } v)
            {
                SetNull(slot);
            }
            else if (bound.Kind != Kind.Integer || bound.Integer != v)
            {
                Check(raw.sqlite3_bind_int64(_statement, _positions[slot], v));
                bound = new Binding { Kind = Kind.Integer, Integer = v };
            }
        }

        public override void Set(int slot, bool? value) => Set(slot, value is { } v ? (v ? 1L : 0L) : null);

        public override void Set(int slot, decimal? value)
        {
            ref var bound = ref _bound[slot];
            if (value is not { } v)
            {
                SetNull(slot);
                return;
            }

            // Equal decimals are written as the same text (trailing zeros go), but for the sign of zero.
            if (bound.Kind == Kind.Decimal && bound.Decimal == v && decimal.IsNegative(bound.Decimal) == decimal.IsNegative(v))
            {
                return;
            }

            Span<byte> text = stackalloc byte[SqliteDecimalText.MaxLength];
            var length = SqliteDecimalText.Write(v, text);
            Check(raw.sqlite3_bind_text(_statement, _positions[slot], text[..length]));
            bound = new Binding { Kind = Kind.Decimal, Decimal = v };
        }

        public override void Set(int slot, string? value)
        {
            ref var bound = ref _bound[slot];
            if (value is null)
            {
                SetNull(slot);
                return;
            }

            if (bound.Kind == Kind.Text && string.Equals(bound.Text, value, StringComparison.Ordinal))
            {
                return;
            }

            BindText(slot, value);
            bound = new Binding { Kind = Kind.Text, Text = value };
        }

        public override void Set(int slot, DateTime value)
        {
            ref var bound = ref _bound[slot];
            if (bound.Kind == Kind.Time && bound.Time == value && bound.Time.Kind == value.Kind)
            {
                return;
            }

            BindText(slot, value.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
            bound = new Binding { Kind = Kind.Time, Time = value };
        }

        private void SetNull(int slot)
        {
            ref var bound = ref _bound[slot];
            if (bound.Kind != Kind.Null)
            {
                Check(raw.sqlite3_bind_null(_statement, _positions[slot]));
                bound = new Binding { Kind = Kind.Null };
            }
        }

        private void BindText(int slot, string value)
        {
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (most > _text.Length)
            {
                _text = new byte[Math.Max(most, _text.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(value, _text);
            Check(raw.sqlite3_bind_text(_statement, _positions[slot], _text.AsSpan(0, length)));
        }

        public override ValueTask<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            // SQLite runs in-process: there is nothing to wait for, and a task a row cost a third of the time.
            var stepped = raw.sqlite3_step(_statement);
            var reset = raw.sqlite3_reset(_statement);
            if (stepped != raw.SQLITE_DONE)
            {
                throw Failure(stepped == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : reset != raw.SQLITE_OK ? reset : stepped);
            }

            return ValueTask.FromResult(raw.sqlite3_changes(_database));
        }

        public override void Dispose() => _statement.Dispose();

        private struct Binding
        {
            public Kind Kind;
            public long Integer;
            public decimal Decimal;
            public string? Text;
            public DateTime Time;
        }

        private void Check(int code)
        {
            if (code != raw.SQLITE_OK)
            {
                throw Failure(code);
            }
        }

        // Worded as Microsoft.Data.Sqlite words its own errors.
        private SqliteException Failure(int code) => new(
            string.Create(CultureInfo.InvariantCulture, $"SQLite Error {code & 0xFF}: '{raw.sqlite3_errmsg(_database).utf8_to_string()}'."),
            code & 0xFF,
            raw.sqlite3_extended_errcode(_database));
    }
}
