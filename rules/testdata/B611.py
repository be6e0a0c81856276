from django.db.models.expressions import RawSQL

RawSQL("select %s" % col, [])  # want: B611
RawSQL(sql=query, params=[])  # want: B611

RawSQL("select col from t where id = %s", [i])
RawSQL()
